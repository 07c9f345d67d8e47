package org.shangliang.topics.messaging;

import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.topics.messaging.in.LoopEventsHandler;

/** Every event type the contracts list on a stream this service reads is handled or deliberately ignored. */
class SubscriptionsContractTest {

    @Test
    void every_event_type_received_is_handled_or_ignored() {
        Contracts.assertEveryTypeDecided(new LoopEventsHandler().subscriptions());
    }
}
