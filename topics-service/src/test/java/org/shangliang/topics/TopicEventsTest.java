package org.shangliang.topics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.EventsTestKit.header;
import static org.shangliang.commons.testing.EventsTestKit.typeAndSubject;
import static org.shangliang.commons.testing.EventsTestKit.value;
import static org.shangliang.topics.Fixtures.accepted;
import static org.shangliang.topics.Fixtures.freshVillage;
import static org.shangliang.topics.Fixtures.submitted;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shangliang.commons.testing.JwtTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.EventsTestKit;

/** What topics-service publishes (checked against contracts/) and how it applies what others publish. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class TopicEventsTest {

    @org.junit.jupiter.api.BeforeEach
    void actAsCountyStaff() {
        org.shangliang.commons.testing.Api.actByDefaultAs(Fixtures.COUNTY_STAFF);
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject EntityManager em;
    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();

    @Test
    void submit_and_accept_publish_cloudevents_that_match_the_contracts() {
        String village = freshVillage();
        String id = accepted(village);
        ConsumerRecord<String, byte[]> submittedEvent = kafka.await(kafka.topic("topics"), typeAndSubject("TopicSubmitted", id), WAIT);
        ConsumerRecord<String, byte[]> acceptedEvent = kafka.await(kafka.topic("topics"), typeAndSubject("TopicAccepted", id), WAIT);
        Contracts.assertValid("TopicSubmitted", value(submittedEvent));
        Contracts.assertValid("TopicAccepted", value(acceptedEvent));
        assertEquals(id, acceptedEvent.key(), "keyed by topic id");
        assertEquals("1.0", header(acceptedEvent, "ce_specversion"));
        assertEquals("/shangliang/topics-service", header(acceptedEvent, "ce_source"));
        assertEquals("application/json", header(acceptedEvent, "content-type"));
        assertNotNull(header(acceptedEvent, "ce_time"));
        assertEquals(village, header(acceptedEvent, "ce_territory"), "the topic's territory travels as an extension");
        UUID.fromString(header(acceptedEvent, "ce_id"));
        assertEquals(acceptedEvent.partition(), submittedEvent.partition(), "one topic's events share a partition");
        assertTrue(acceptedEvent.offset() > submittedEvent.offset(), "and keep their order");
    }

    @Test
    void a_rejection_is_published_with_its_reason() {
        String id = submitted(freshVillage());
        given().contentType("application/json").header("If-Match", "\"0\"").body("{\"reason\":\"属于个人纠纷\"}")
                .post("/api/v1/topics/{id}/reject", id).then().statusCode(200);
        ConsumerRecord<String, byte[]> rejected = kafka.await(kafka.topic("topics"), typeAndSubject("TopicRejected", id), WAIT);
        Contracts.assertValid("TopicRejected", value(rejected));
        assertTrue(value(rejected).contains("属于个人纠纷"));
    }

    @Test
    void the_loop_events_move_the_topic_forward_and_fill_its_timeline() {
        String id = accepted(freshVillage());
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "SessionScheduled", "/shangliang/sessions-service", scheduled(session, id));
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", outcome(session, id));
        String caseId = UUID.randomUUID().toString();
        kafka.send(kafka.topic("followup"), caseId, "CaseOpened", "/shangliang/followup-service", caseOpened(caseId, id));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}", id).then().body("status", equalTo("IN_FOLLOW_UP")));
        given().get("/api/v1/topics/{id}/timeline", id).then().statusCode(200)
                .body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "SCHEDULED", "DELIBERATED", "CASE_OPENED")))
                .body("service[4]", equalTo("followup-service"))
                .body("refId[4]", equalTo(caseId));
    }

    @Test
    void a_late_event_does_not_move_the_topic_back() {
        String id = accepted(freshVillage());
        String caseId = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("followup"), caseId, "CaseOpened", "/shangliang/followup-service", caseOpened(caseId, id));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}", id).then().body("status", equalTo("IN_FOLLOW_UP")));
        kafka.send(kafka.topic("sessions"), session, "SessionScheduled", "/shangliang/sessions-service", scheduled(session, id));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}/timeline", id).then().body("kind", org.hamcrest.Matchers.hasItem("SCHEDULED")));
        given().get("/api/v1/topics/{id}", id).then().body("status", equalTo("IN_FOLLOW_UP"));
    }

    @Test
    void an_event_delivered_twice_is_applied_once() {
        String id = accepted(freshVillage());
        String session = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String json = scheduled(session, id);
        kafka.send(kafka.topic("sessions"), session, eventId, "SessionScheduled", "/shangliang/sessions-service", json);
        kafka.send(kafka.topic("sessions"), session, eventId, "SessionScheduled", "/shangliang/sessions-service", json);
        // A later event on the same key (same partition) proves the duplicate was already consumed.
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", outcome(session, id));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}", id).then().body("status", equalTo("DELIBERATED")));
        given().get("/api/v1/topics/{id}/timeline", id).then()
                .body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "SCHEDULED", "DELIBERATED")));
        Number inboxRows = (Number) em.createNativeQuery("select count(*) from inbox_event where event_id = ?1").setParameter(1, eventId).getSingleResult();
        assertEquals(1, inboxRows.intValue());
    }

    @Test
    void a_poison_event_goes_to_the_dead_letter_topic_and_the_next_one_is_still_applied() {
        String id = accepted(freshVillage());
        String session = UUID.randomUUID().toString();
        RecordMetadata poison = kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", "{\"outcomeId\": [not json");
        RecordMetadata next = kafka.send(kafka.topic("sessions"), session, "SessionScheduled", "/shangliang/sessions-service", scheduled(session, id));
        assertEquals(poison.partition(), next.partition());
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}", id).then().body("status", equalTo("SCHEDULED")));
        ConsumerRecord<String, byte[]> dead = kafka.await(kafka.deadLetters("topics-service"),
                r -> String.valueOf(poison.offset()).equals(header(r, "dlt_original_offset"))
                        && String.valueOf(poison.partition()).equals(header(r, "dlt_original_partition"))
                        && kafka.topic("sessions").equals(header(r, "dlt_original_topic")), WAIT);
        assertTrue(header(dead, "dlt_error").contains("does not fit"), header(dead, "dlt_error"));
        assertEquals("OutcomeRecorded", header(dead, "ce_type"), "the original headers travel along");
        assertEquals("{\"outcomeId\": [not json", value(dead), "and the original payload");
    }

    @Test
    void an_event_without_an_id_is_dead_lettered_too() {
        String key = UUID.randomUUID().toString();
        RecordMetadata bad = kafka.send(kafka.topic("sessions"), key, null, "SessionScheduled", "/shangliang/sessions-service", "{}");
        ConsumerRecord<String, byte[]> dead = kafka.await(kafka.deadLetters("topics-service"),
                r -> String.valueOf(bad.offset()).equals(header(r, "dlt_original_offset"))
                        && String.valueOf(bad.partition()).equals(header(r, "dlt_original_partition")), WAIT);
        assertTrue(header(dead, "dlt_error").contains("ce_id"));
    }

    @Test
    void unknown_event_types_are_skipped_and_counted() {
        kafka.send(kafka.topic("sessions"), UUID.randomUUID().toString(), "ParticipantCheckedIn", "/shangliang/sessions-service", "{}");
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/metrics").then()
                .body(org.hamcrest.Matchers.containsString("shangliang_events_unknown_total{application=\"topics-service\",type=\"ParticipantCheckedIn\"}")));
    }

    static String scheduled(String session, String... topics) {
        StringBuilder agenda = new StringBuilder();
        for (int i = 0; i < topics.length; i++) {
            if (i > 0) agenda.append(", ");
            agenda.append("""
                    {"agendaItemId": "%s", "position": %d, "topicId": "%s", "topicNumber": "YT-2026-0001"}""".formatted(UUID.randomUUID(), i + 1, topics[i]));
        }
        return """
                {"sessionId": "%s", "title": "惠通村民生议事堂第8次协商", "type": "VILLAGE_HALL", "mode": "IN_PERSON",
                 "territoryCode": "330421003201", "startsAt": "2026-12-03T06:30:00Z", "agenda": [%s]}
                """.formatted(session, agenda);
    }

    static String outcome(String session, String topic) {
        return """
                {"outcomeId": "%s", "version": 1, "sessionId": "%s", "agendaItemId": "%s", "topicId": "%s",
                 "consensus": "换届前召开第三轮协商", "decisionRule": "CONSENSUS",
                 "recommendations": [{"recommendationId": "%s", "position": 1, "text": "核对台账", "suggestedUnit": "县农业农村局"}],
                 "recordedAt": "2026-12-03T08:40:00Z"}
                """.formatted(UUID.randomUUID(), session, UUID.randomUUID(), topic, UUID.randomUUID());
    }

    static String caseOpened(String caseId, String topic) {
        return """
                {"caseId": "%s", "number": "BJ-2026-0007", "recommendationId": "%s", "topicId": "%s",
                 "leadUnit": "县农业农村局", "dueDate": "2027-01-31", "openedAt": "2026-12-03T08:40:01Z"}
                """.formatted(caseId, UUID.randomUUID(), topic);
    }
}
