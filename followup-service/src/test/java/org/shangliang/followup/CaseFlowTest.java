package org.shangliang.followup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shangliang.commons.testing.EventsTestKit.header;
import static org.shangliang.commons.testing.EventsTestKit.typeAndSubject;
import static org.shangliang.commons.testing.EventsTestKit.value;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.DirectoryFixtures;
import org.shangliang.commons.testing.EventsTestKit;

/** Cases opened from OutcomeRecorded events on the real broker, and signing for them. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class CaseFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
    @Inject org.shangliang.commons.events.ReferenceCopy copy;

    static final String COUNTY_STAFF = TestTokens.as(Roles.CPPCC_STAFF, "330421").token();
    /** A clerk of the agricultural department (县农业农村局), the lead unit of the demo's case. */
    static final String AGRI_CLERK = TestTokens.as(Roles.HANDLER, "330421").unit("agri-rural").subject("clerk@agri").token();

    @org.junit.jupiter.api.BeforeEach
    void actAsCountyStaff() {
        Api.actByDefaultAs(COUNTY_STAFF);
        units(kafka, copy);
    }

    private static volatile boolean unitsKnown;

    /** The units the tests' outcomes name, in this service's directory copy (an unknown unit dead-letters the outcome). */
    static void units(EventsTestKit kafka, org.shangliang.commons.events.ReferenceCopy copy) {
        if (unitsKnown) return;
        DirectoryFixtures.unit(kafka, copy, "agri-rural", "县农业农村局", false);
        DirectoryFixtures.unit(kafka, copy, "housing-construction", "县住房和城乡建设局", false);
        DirectoryFixtures.unit(kafka, copy, "natural-resources", "县自然资源和规划局", false);
        DirectoryFixtures.unit(kafka, copy, "old-bureau", "县旧机构", true);
        DirectoryFixtures.territory(kafka, copy, "330421003", false);
        unitsKnown = true;
    }

    static String outcome(String session, String topic, int version, String... recommendations) {
        StringBuilder recs = new StringBuilder();
        for (int i = 0; i < recommendations.length; i++) {
            if (i > 0) recs.append(", ");
            recs.append("""
                    {"recommendationId": "%s", "position": %d, "text": "核对二轮承包台账", "unitCode": "agri-rural", "suggestedUnit": "县农业农村局", "dueDate": "2027-01-31"}
                    """.formatted(recommendations[i], i + 1));
        }
        return """
                {"outcomeId": "%s", "version": %d, "sessionId": "%s", "sessionTitle": "惠通村民生议事堂第8次协商", "territoryCode": "330421003201", "agendaItemId": "%s",
                 "topicId": "%s", "topicNumber": "YT-2026-0042", "topicTitle": "惠通村土地确权第三轮协商",
                 "consensus": "换届前召开第三轮协商", "decisionRule": "CONSENSUS", "recommendations": [%s], "recordedAt": "2026-12-03T08:40:00Z", "recordedBy": "organizer-huimin"}
                """.formatted(UUID.randomUUID(), version, session, UUID.randomUUID(), topic, recs);
    }

    /** Sends an outcome with one recommendation and returns the case opened for it. */
    String openedCase() {
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service",
                outcome(session, topic, 1, UUID.randomUUID().toString()));
        return await().atMost(WAIT).until(() -> given().queryParam("topicId", topic).get("/api/v1/cases").then().extract().<List<String>>path("items.id"),
                ids -> ids.size() == 1).get(0);
    }

    @Test
    void each_recommendation_becomes_a_case_and_CaseOpened_matches_the_contract() {
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        String r1 = UUID.randomUUID().toString();
        String r2 = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", outcome(session, topic, 1, r1, r2));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("topicId", topic).get("/api/v1/cases").then().body("items", hasSize(2)));
        given().queryParam("topicId", topic).get("/api/v1/cases").then()
                .body("items.status", equalTo(List.of("ASSIGNED", "ASSIGNED")))
                .body("items[0].number", matchesPattern("BJ-\\d{4}-\\d{4,}"))
                .body("items[0].leadUnit", equalTo("县农业农村局"))
                .body("items[0].leadUnitCode", equalTo("agri-rural"))
                .body("items[0].dueDate", equalTo("2027-01-31"));
        // The unit filter takes a directory code: one this service's copy knows, or a 422 naming it.
        DirectoryFixtures.unit(kafka, copy, "agri-rural", "县农业农村局", false);
        given().queryParam("topicId", topic).queryParam("unit", "agri-rural").get("/api/v1/cases").then().statusCode(200).body("items", hasSize(2));
        given().queryParam("unit", "no-such-unit").get("/api/v1/cases").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("unit"));
        given().queryParam("unit", "县农业农村局").get("/api/v1/cases").then().statusCode(400).body("violations[0].field", equalTo("unit"));
        String caseId = given().queryParam("topicId", topic).get("/api/v1/cases").then().extract().path("items[0].id");
        ConsumerRecord<String, byte[]> event = kafka.await(kafka.topic("followup"), typeAndSubject("CaseOpened", caseId), WAIT);
        Contracts.assertValid("CaseOpened", value(event));
        assertEquals(caseId, event.key());
        assertEquals("330421003201", org.shangliang.commons.testing.EventsTestKit.header(event, "ce_territory"), "the case's territory travels with its events");
    }

    @Test
    void a_redelivered_outcome_opens_no_second_case() {
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        String json = outcome(session, topic, 1, UUID.randomUUID().toString());
        String eventId = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, eventId, "OutcomeRecorded", "/shangliang/sessions-service", json);
        kafka.send(kafka.topic("sessions"), session, eventId, "OutcomeRecorded", "/shangliang/sessions-service", json);
        // The same outcome re-published under a new event id (a relay crash before marking) is absorbed too.
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", json);
        String marker = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", outcome(session, marker, 1, UUID.randomUUID().toString()));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("topicId", marker).get("/api/v1/cases").then().body("items", hasSize(1)));
        given().queryParam("topicId", topic).get("/api/v1/cases").then().body("items", hasSize(1));
    }

    @Test
    void a_corrected_outcome_does_not_open_new_cases() {
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", outcome(session, topic, 1, UUID.randomUUID().toString()));
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", outcome(session, topic, 2, UUID.randomUUID().toString()));
        String marker = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", outcome(session, marker, 1, UUID.randomUUID().toString()));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("topicId", marker).get("/api/v1/cases").then().body("items", hasSize(1)));
        given().queryParam("topicId", topic).get("/api/v1/cases").then().body("items", hasSize(1));
    }

    @Test
    void a_correction_updates_the_changed_case_opens_the_added_one_and_withdraws_the_withdrawn_one_once() {
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        String withdrawn = UUID.randomUUID().toString();
        String added = UUID.randomUUID().toString();
        String recorded = outcome(session, topic, 1, kept, withdrawn);
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", recorded);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("topicId", topic).get("/api/v1/cases").then().body("items", hasSize(2)));
        String keptCase = given().queryParam("topicId", topic).get("/api/v1/cases").then().extract()
                .path("items.find { it.recommendationId == '%s' }.id".formatted(kept));
        Api.as(AGRI_CLERK).header("If-Match", "\"0\"").post("/api/v1/cases/{id}/sign", keptCase).then().statusCode(200);

        // Version 2: the kept recommendation goes to another unit with a new date, one is withdrawn, one is added.
        String corrected = """
                {"outcomeId": "%s", "version": 2, "previousOutcomeId": "%s", "sessionId": "%s", "sessionTitle": "惠通村民生议事堂第8次协商",
                 "territoryCode": "330421003201", "agendaItemId": "%s", "topicId": "%s", "topicNumber": "YT-2026-0042", "topicTitle": "惠通村土地确权第三轮协商",
                 "consensus": "换届前召开第三轮协商", "decisionRule": "CONSENSUS", "majorityThreshold": null, "decisionMet": true,
                 "reason": "承办单位与时限更正", "consensusChanged": false, "changed": ["%s"], "added": ["%s"], "withdrawn": ["%s"],
                 "recommendations": [
                   {"recommendationId": "%s", "position": 1, "text": "核对二轮承包台账并测绘", "unitCode": "housing-construction", "suggestedUnit": "县住房和城乡建设局", "coHandlerCodes": [], "dueDate": "2027-03-31", "workingDays": null},
                   {"recommendationId": "%s", "position": 2, "text": "组织村道测绘", "unitCode": "agri-rural", "suggestedUnit": "县农业农村局", "coHandlerCodes": [], "dueDate": null, "workingDays": 20}],
                 "participantSubjects": ["villager-wang"], "correctedAt": "2026-12-17T08:10:00Z", "correctedBy": "organizer-huimin"}
                """.formatted(UUID.randomUUID(), io.restassured.path.json.JsonPath.from(recorded).getString("outcomeId"), session, UUID.randomUUID(), topic,
                kept, added, withdrawn, kept, added);
        Contracts.assertValid("OutcomeCorrected", corrected);
        String eventId = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, eventId, "OutcomeCorrected", "/shangliang/sessions-service", corrected);
        kafka.send(kafka.topic("sessions"), session, eventId, "OutcomeCorrected", "/shangliang/sessions-service", corrected); // redelivered
        kafka.send(kafka.topic("sessions"), session, "OutcomeCorrected", "/shangliang/sessions-service", corrected); // re-published under a new id
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("topicId", topic).get("/api/v1/cases").then().body("items", hasSize(3)));
        String marker = UUID.randomUUID().toString(); // everything sent before it has been applied once it is
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", outcome(session, marker, 1, UUID.randomUUID().toString()));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("topicId", marker).get("/api/v1/cases").then().body("items", hasSize(1)));

        String find = "items.find { it.recommendationId == '%s' }.";
        given().queryParam("topicId", topic).get("/api/v1/cases").then().body("items", hasSize(3))
                .body((find + "status").formatted(kept), equalTo("ASSIGNED")) // a new lead unit signs again
                .body((find + "leadUnitCode").formatted(kept), equalTo("housing-construction"))
                .body((find + "dueDate").formatted(kept), equalTo("2027-03-31"))
                .body((find + "outcomeVersion").formatted(kept), equalTo(2))
                .body((find + "status").formatted(withdrawn), equalTo("WITHDRAWN"))
                .body((find + "withdrawnReason").formatted(withdrawn), equalTo("承办单位与时限更正"))
                .body((find + "allowedActions").formatted(withdrawn), hasSize(0))
                .body((find + "status").formatted(added), equalTo("ASSIGNED"))
                .body((find + "outcomeVersion").formatted(added), equalTo(2));
        given().get("/api/v1/cases/{id}/history", keptCase).then().statusCode(200)
                .body("kind", equalTo(List.of("OPENED", "SIGNED", "CORRECTED")))
                .body("[2].summary", containsString("县农业农村局，2027-01-31 → 县住房和城乡建设局，2027-03-31"));
    }

    @Test
    void signing_needs_if_match_then_moves_to_SIGNED_once() {
        String id = openedCase();
        Api.as(AGRI_CLERK).post("/api/v1/cases/{id}/sign", id).then().statusCode(428).contentType("application/problem+json");
        Api.as(AGRI_CLERK).header("If-Match", "\"3\"").post("/api/v1/cases/{id}/sign", id).then().statusCode(412).contentType("application/problem+json");
        Api.as(AGRI_CLERK).header("If-Match", "\"0\"").post("/api/v1/cases/{id}/sign", id).then().statusCode(200)
                .body("status", equalTo("SIGNED")).header("ETag", org.hamcrest.Matchers.startsWith("\"1-")).body("allowedActions", equalTo(List.of("REASSIGN", "REPORT_PROGRESS", "REPLY")));
        // A phone that holds the signed case re-checks it with the ETag it has: 304, no body.
        String etag = Api.as(AGRI_CLERK).get("/api/v1/cases/{id}", id).then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"1-"))
                .extract().header("ETag");
        Api.as(AGRI_CLERK).header("If-None-Match", etag).get("/api/v1/cases/{id}", id).then().statusCode(304).body(equalTo(""));
        Api.as(AGRI_CLERK).header("If-Match", "\"1\"").header("Accept-Language", "en").post("/api/v1/cases/{id}/sign", id).then().statusCode(409)
                .body("detail", containsString("Allowed from SIGNED: REASSIGN, REPLY, REPORT_PROGRESS"));
        ConsumerRecord<String, byte[]> event = kafka.await(kafka.topic("followup"), typeAndSubject("CaseSigned", id), WAIT);
        Contracts.assertValid("CaseSigned", value(event));
    }

    @Test
    void two_clerks_signing_with_the_same_etag_one_wins() throws Exception {
        String id = openedCase();
        int[] statuses = new int[2];
        Thread a = new Thread(() -> statuses[0] = Api.as(AGRI_CLERK).header("If-Match", "\"0\"").post("/api/v1/cases/{id}/sign", id).statusCode());
        Thread b = new Thread(() -> statuses[1] = Api.as(AGRI_CLERK).header("If-Match", "\"0\"").post("/api/v1/cases/{id}/sign", id).statusCode());
        a.start();
        b.start();
        a.join();
        b.join();
        List<Integer> sorted = java.util.stream.IntStream.of(statuses).sorted().boxed().toList();
        assertEquals(200, sorted.get(0), "one succeeds: " + sorted);
        assertEquals(true, sorted.get(1) == 409 || sorted.get(1) == 412, "the other is refused, not a 5xx: " + sorted);
        given().get("/api/v1/cases/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void filters_and_bad_input() {
        given().queryParam("status", "FINISHED").get("/api/v1/cases").then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().queryParam("topicId", "x").get("/api/v1/cases").then().statusCode(400).body("violations[0].field", equalTo("topicId"));
        given().get("/api/v1/cases/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/cases/123").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void an_outcome_with_a_broken_recommendation_is_dead_lettered_whole() {
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        String json = outcome(session, topic, 1, UUID.randomUUID().toString(), UUID.randomUUID().toString())
                .replaceFirst("\"suggestedUnit\": \"县农业农村局\", ", "");
        var bad = kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", json);
        ConsumerRecord<String, byte[]> dead = kafka.await(kafka.deadLetters("followup-service"),
                r -> String.valueOf(bad.offset()).equals(header(r, "dlt_original_offset")) && String.valueOf(bad.partition()).equals(header(r, "dlt_original_partition")), WAIT);
        assertEquals("OutcomeRecorded", header(dead, "ce_type"));
        assertEquals("malformed", header(dead, "dlt_reason"));
        assertEquals("1", header(dead, "dlt_attempts"));
        given().queryParam("topicId", topic).get("/api/v1/cases").then().body("items", hasSize(0));
    }

    @Test
    void an_outcome_naming_an_unknown_or_retired_unit_is_dead_lettered_with_the_reason_and_opens_nothing() {
        for (String unit : List.of("no-such-unit", "old-bureau")) {
            String topic = UUID.randomUUID().toString();
            String session = UUID.randomUUID().toString();
            // The first recommendation is fine, the second names the bad unit: nothing of the outcome is applied.
            String json = outcome(session, topic, 1, UUID.randomUUID().toString(), UUID.randomUUID().toString())
                    .replaceFirst("(\"position\": 2, \"text\": \"[^\"]*\", \"unitCode\": )\"agri-rural\"", "$1\"" + unit + "\"");
            var bad = kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", json);
            ConsumerRecord<String, byte[]> dead = kafka.await(kafka.deadLetters("followup-service"),
                    r -> String.valueOf(bad.offset()).equals(header(r, "dlt_original_offset")) && String.valueOf(bad.partition()).equals(header(r, "dlt_original_partition")), WAIT);
            assertEquals("malformed", header(dead, "dlt_reason"));
            org.junit.jupiter.api.Assertions.assertTrue(header(dead, "dlt_error").contains(unit), header(dead, "dlt_error"));
            given().queryParam("topicId", topic).get("/api/v1/cases").then().body("items", hasSize(0));
        }
    }

    @Test
    void an_outcome_without_a_version_is_malformed_not_version_zero() {
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        String json = outcome(session, topic, 1, UUID.randomUUID().toString()).replaceFirst("\"version\": 1, ", "");
        var bad = kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", json);
        ConsumerRecord<String, byte[]> dead = kafka.await(kafka.deadLetters("followup-service"),
                r -> String.valueOf(bad.offset()).equals(header(r, "dlt_original_offset")) && String.valueOf(bad.partition()).equals(header(r, "dlt_original_partition")), WAIT);
        assertEquals("malformed", header(dead, "dlt_reason"));
        org.junit.jupiter.api.Assertions.assertTrue(header(dead, "dlt_error").contains("version"), header(dead, "dlt_error"));
        given().queryParam("topicId", topic).get("/api/v1/cases").then().body("items", hasSize(0));
    }
}
