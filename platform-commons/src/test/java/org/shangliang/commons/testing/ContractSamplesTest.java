package org.shangliang.commons.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every event type has a schema and a sample, and every sample is valid: the contracts folder stays whole. */
class ContractSamplesTest {

    @Test
    void every_sample_validates_against_its_schema() throws IOException {
        Path samples = Contracts.folder().resolve("samples");
        List<Path> files;
        try (Stream<Path> s = Files.list(samples)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> schemas;
        try (Stream<Path> s = Files.list(Contracts.folder().resolve("schemas"))) {
            schemas = s.map(p -> p.getFileName().toString().replace(".schema.json", "")).sorted().toList();
        }
        assertEquals(schemas, files.stream().map(p -> p.getFileName().toString().replace(".json", "")).toList(), "one sample per event type");
        String asyncapi = Files.readString(Contracts.folder().resolve("asyncapi.yaml"));
        for (String type : schemas) {
            assertTrue(asyncapi.contains("./schemas/" + type + ".schema.json"), type + " is in asyncapi.yaml");
        }
        for (Path f : files) {
            String type = f.getFileName().toString().replace(".json", "");
            Contracts.assertValid(type, Files.readString(f));
        }
    }

    @Test
    void a_payload_missing_a_required_field_is_refused() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Contracts.assertValid("TopicAccepted", "{\"topicId\":\"7b0f5a52-3a4e-4d0e-9d57-2f0c1e6f7a10\",\"number\":\"YT-2026-0042\"}"));
        assertEquals(true, e.getMessage().contains("title"), e.getMessage());
    }

    @Test
    void a_malformed_uuid_is_refused() {
        assertThrows(AssertionError.class, () -> Contracts.assertValid("TopicRejected",
                "{\"topicId\":\"nope\",\"number\":\"YT-2026-0042\",\"reason\":\"x\",\"rejectedAt\":\"2026-11-21T01:05:00Z\"}"));
    }

    @Test
    void a_subscriber_that_forgets_a_type_of_its_stream_is_caught() {
        assertTrue(Contracts.typesOn("topics").containsAll(java.util.List.of("TopicSubmitted", "TopicAccepted", "TopicRejected")));
        var forgetful = org.shangliang.commons.events.Subscriptions.stream("topics", "/shangliang/topics-service")
                .handles("TopicAccepted").ignores("TopicSubmitted").build();
        AssertionError e = assertThrows(AssertionError.class, () -> Contracts.assertEveryTypeDecided(forgetful));
        assertTrue(e.getMessage().contains("TopicRejected"), e.getMessage());
    }
}
