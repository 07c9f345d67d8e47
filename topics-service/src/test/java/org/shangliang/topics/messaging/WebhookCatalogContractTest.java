package org.shangliang.topics.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.topics.domain.WebhookCatalog;

/** Webhooks offer exactly the types the contracts list on the topics, sessions and follow-up streams, each on its own stream. */
class WebhookCatalogContractTest {

    @Test
    void every_type_of_the_three_streams_is_offered_on_its_stream() {
        for (WebhookCatalog.Stream s : WebhookCatalog.STREAMS) {
            assertEquals(Contracts.typesOn(s.name()), Set.copyOf(s.types()), "stream " + s.name());
        }
    }
}
