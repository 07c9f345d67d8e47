package org.shangliang.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.e2e.Demo.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shangliang.e2e.SpanReceiver.ReceivedSpan;

/**
 * Traces across the three services and Kafka. The services export their spans (OTLP over HTTP) to a
 * receiver this test runs; the test's requests carry a W3C traceparent of its own, so it can find
 * their traces and check them link by link: the HTTP request, the outbox row's publication (the
 * relay's producer span, continuing the request's trace), the consumer's span in the next service
 * (continuing the producer's), and on through the next service's own outbox.
 */
class TracingE2ETest extends OnRunningPlatform {

    private static final SecureRandom RANDOM = new SecureRandom();
    private SpanReceiver receiver;

    @Override
    protected Map<String, String> platformEnvironment() throws Exception {
        receiver = new SpanReceiver();
        return Map.of("OTEL_SDK_DISABLED", "false", "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", "OTEL_BSP_SCHEDULE_DELAY", "100ms", "LOG_JSON", "true");
    }

    @AfterAll
    void stopReceiver() {
        if (receiver != null) receiver.close();
    }

    @Test
    void a_topic_accepted_and_its_outcome_are_each_one_trace_across_the_services_and_kafka() {
        String acceptance = hex(16), acceptanceParent = hex(8);
        String outcome = hex(16), outcomeParent = hex(8);
        Loop loop = new Loop().traced("00-" + acceptance + "-" + acceptanceParent + "-01").acceptTopic();
        loop.traced("00-" + outcome + "-" + outcomeParent + "-01").scheduleSession().startSession();
        loop.recordOutcome();
        loop.awaitCase();
        awaitTrue(() -> "IN_FOLLOW_UP".equals(as(VILLAGER).get(TOPICS + "/api/v1/topics/{id}", loop.topic).then().extract().path("status")),
                "topics-service applied CaseOpened");

        // 1. The organizer accepts the topic (topics-service) → TopicAccepted through Kafka → sessions-service.
        ReceivedSpan accept = await(acceptance, "topics-service SERVER span of the acceptance",
                s -> s.service().equals("topics-service") && s.kind().equals("SPAN_KIND_SERVER") && s.parentSpanId().equals(acceptanceParent));
        ReceivedSpan accepted = await(acceptance, "topics-service PRODUCER span of TopicAccepted",
                s -> s.service().equals("topics-service") && s.kind().equals("SPAN_KIND_PRODUCER") && "TopicAccepted".equals(s.attribute("cloudevents.event_type")));
        assertTrue(descends(acceptance, accepted, accept), "the publication continues the request's trace");
        ReceivedSpan consultable = await(acceptance, "sessions-service CONSUMER span of TopicAccepted",
                s -> s.service().equals("sessions-service") && s.kind().equals("SPAN_KIND_CONSUMER") && s.parentSpanId().equals(accepted.spanId()));
        assertEquals(accepted.attribute("cloudevents.event_id"), consultable.attribute("cloudevents.event_id"));
        ReceivedSpan sql = await(acceptance, "a JDBC span of the acceptance",
                s -> s.service().equals("topics-service") && s.kind().equals("SPAN_KIND_CLIENT") && "postgresql".equals(dbSystem(s)));
        assertTrue(descends(acceptance, sql, accept), "the statements are children of the request");

        // 2. The outcome (sessions-service) → OutcomeRecorded → the case opened (followup-service) → CaseOpened → the topic's timeline (topics-service).
        ReceivedSpan record = await(outcome, "sessions-service SERVER span of the outcome",
                s -> s.service().equals("sessions-service") && s.kind().equals("SPAN_KIND_SERVER") && s.parentSpanId().equals(outcomeParent));
        ReceivedSpan recorded = await(outcome, "sessions-service PRODUCER span of OutcomeRecorded",
                s -> s.service().equals("sessions-service") && s.kind().equals("SPAN_KIND_PRODUCER") && "OutcomeRecorded".equals(s.attribute("cloudevents.event_type")));
        assertTrue(descends(outcome, recorded, record));
        ReceivedSpan openCase = await(outcome, "followup-service CONSUMER span of OutcomeRecorded",
                s -> s.service().equals("followup-service") && s.kind().equals("SPAN_KIND_CONSUMER") && s.parentSpanId().equals(recorded.spanId()));
        ReceivedSpan caseOpened = await(outcome, "followup-service PRODUCER span of CaseOpened",
                s -> s.service().equals("followup-service") && s.kind().equals("SPAN_KIND_PRODUCER") && "CaseOpened".equals(s.attribute("cloudevents.event_type")));
        assertTrue(descends(outcome, caseOpened, openCase), "the case's event continues the trace of the outcome that opened it");
        ReceivedSpan timeline = await(outcome, "topics-service CONSUMER span of CaseOpened",
                s -> s.service().equals("topics-service") && s.kind().equals("SPAN_KIND_CONSUMER") && s.parentSpanId().equals(caseOpened.spanId()));
        assertEquals("CaseOpened", timeline.attribute("cloudevents.event_type"));
        assertEquals(Map.of("sessions-service", true, "followup-service", true, "topics-service", true),
                Map.of("sessions-service", has(outcome, "sessions-service"), "followup-service", has(outcome, "followup-service"), "topics-service", has(outcome, "topics-service")));
        // The two traces stay apart: nothing of the outcome hangs under the acceptance.
        assertFalse(receiver.trace(acceptance).stream().anyMatch(s -> "OutcomeRecorded".equals(s.attribute("cloudevents.event_type"))));
    }

    @Test
    void logs_are_json_lines() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(platform.logs().resolve("topics.log"));
        Optional<JsonNode> line = lines.stream().filter(l -> l.startsWith("{")).map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                return null;
            }
        }).filter(n -> n != null && n.has("level") && n.has("loggerName") && n.has("message")).findFirst();
        assertTrue(line.isPresent(), "no JSON log line from topics-service");
    }

    private boolean has(String traceId, String service) {
        return receiver.trace(traceId).stream().anyMatch(s -> s.service().equals(service));
    }

    /** True when {@code span} is {@code ancestor} or below it in the trace. */
    private boolean descends(String traceId, ReceivedSpan span, ReceivedSpan ancestor) {
        Map<String, ReceivedSpan> byId = new java.util.HashMap<>();
        for (ReceivedSpan s : receiver.trace(traceId)) byId.put(s.spanId(), s);
        for (ReceivedSpan s = span; s != null; s = byId.get(s.parentSpanId())) {
            if (s.spanId().equals(ancestor.spanId())) return true;
        }
        return false;
    }

    private ReceivedSpan await(String traceId, String what, Predicate<ReceivedSpan> wanted) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<ReceivedSpan> found = receiver.trace(traceId).stream().filter(wanted).findFirst();
            if (found.isPresent()) return found.get();
            sleep(200);
        }
        throw new AssertionError("no " + what + " in trace " + traceId + "; spans of the trace: " + receiver.trace(traceId)
                + "; export requests received: " + receiver.requests().size());
    }

    private static String dbSystem(ReceivedSpan s) {
        return s.attribute("db.system") != null ? s.attribute("db.system") : s.attribute("db.system.name");
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
