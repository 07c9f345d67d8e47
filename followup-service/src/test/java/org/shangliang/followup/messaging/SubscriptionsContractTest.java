package org.shangliang.followup.messaging;

import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.followup.messaging.in.LoopEventsHandler;

/** Every event type the contracts list on a stream this service reads is handled or deliberately ignored. */
class SubscriptionsContractTest {

    @Test
    void every_event_type_received_is_handled_or_ignored() {
        Contracts.assertEveryTypeDecided(new LoopEventsHandler().subscriptions());
    }
}
