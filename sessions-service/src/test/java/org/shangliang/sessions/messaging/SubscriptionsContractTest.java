package org.shangliang.sessions.messaging;

import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.sessions.messaging.in.TopicEventsHandler;

/** Every event type the contracts list on a stream this service reads is handled or deliberately ignored. */
class SubscriptionsContractTest {

    @Test
    void every_event_type_received_is_handled_or_ignored() {
        Contracts.assertEveryTypeDecided(new TopicEventsHandler().subscriptions());
    }
}
