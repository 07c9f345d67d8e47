package org.shangliang.followup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shangliang.commons.testing.EventsTestKit.typeAndSubject;
import static org.shangliang.commons.testing.EventsTestKit.value;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/**
 * The whole life of a case on the real broker and database: co-handlers, progress, reply and its
 * review, evaluation by those allowed, redo and its limit, return requests; every move allowed and
 * refused by whom it should be, and each event checked against contracts/.
 */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class CaseLifeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    static final String VILLAGE = "330421003201";

    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
    @Inject ReferenceCopy copy;

    static final String STAFF = TestTokens.as(Roles.CPPCC_STAFF, "330421").subject("staff@zx").token();
    static final String ORGANIZER = TestTokens.as(Roles.ORGANIZER, "330421003").subject("organizer@huimin").token();
    static final String AGRI = TestTokens.as(Roles.HANDLER, "330421").unit("agri-rural").subject("clerk@agri").token();
    static final String NATURAL = TestTokens.as(Roles.HANDLER, "330421").unit("natural-resources").subject("clerk@nr").token();
    static final String HOUSING = TestTokens.as(Roles.HANDLER, "330421").unit("housing-construction").subject("clerk@hc").token();
    static final String PROPOSER = TestTokens.as(Roles.RESIDENT, VILLAGE).subject("wang@huitong").token();
    static final String CO_SIGNER = TestTokens.as(Roles.RESIDENT, VILLAGE).subject("li@huitong").token();
    static final String PARTICIPANT = TestTokens.as(Roles.MEMBER, "330421").subject("member-zhou").token();
    static final String STRANGER = TestTokens.as(Roles.RESIDENT, VILLAGE).subject("zhao@huitong").token();

    @BeforeEach
    void setUp() {
        Api.actByDefaultAs(STAFF);
        CaseFlowTest.units(kafka, copy);
    }

    /** A topic accepted with its proposer and co-signer, and an outcome with one recommendation for agri-rural (co-handled by natural-resources). */
    String caseFor(String topic, String coHandlers, String workingDays) {
        String accepted = """
                {"topicId": "%s", "number": "YT-2026-0042", "title": "惠通村土地确权第三轮协商", "description": "承包户对确权面积有异议", "themes": ["农业"],
                 "territoryCode": "%s", "level": "VILLAGE", "note": "列入第8次协商", "acceptedAt": "2026-11-21T01:00:00Z",
                 "proposer": "wang@huitong", "coSigners": ["li@huitong"]}
                """.formatted(topic, VILLAGE);
        Contracts.assertValid("TopicAccepted", accepted);
        kafka.send(kafka.topic("topics"), topic, "TopicAccepted", "/shangliang/topics-service", accepted);
        String session = UUID.randomUUID().toString();
        String outcome = """
                {"outcomeId": "%s", "version": 1, "sessionId": "%s", "sessionTitle": "惠通村民生议事堂第8次协商", "territoryCode": "%s", "agendaItemId": "%s",
                 "topicId": "%s", "topicNumber": "YT-2026-0042", "topicTitle": "惠通村土地确权第三轮协商", "consensus": "换届前核实确权面积",
                 "decisionRule": "CONSENSUS", "majorityThreshold": null, "decisionMet": true,
                 "recommendations": [{"recommendationId": "%s", "position": 1, "text": "核对二轮承包台账并实地测绘", "unitCode": "agri-rural",
                                      "suggestedUnit": "县农业农村局", "coHandlerCodes": %s, "dueDate": null, "workingDays": %s}],
                 "participantSubjects": ["member-zhou", "wang@huitong"], "recordedAt": "2026-12-03T08:40:00Z", "recordedBy": "organizer@huimin"}
                """.formatted(UUID.randomUUID(), session, VILLAGE, UUID.randomUUID(), topic, UUID.randomUUID(), coHandlers, workingDays);
        Contracts.assertValid("OutcomeRecorded", outcome);
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", outcome);
        return await().atMost(WAIT).until(() -> given().queryParam("topicId", topic).get("/api/v1/cases").then().extract().<List<String>>path("items.id"),
                ids -> ids.size() == 1).get(0);
    }

    static int version(String id) {
        return given().get("/api/v1/cases/{id}", id).then().statusCode(200).extract().path("version");
    }

    /** A move as {@code token}, with the current version in If-Match. */
    static ValidatableResponse move(String token, String id, String path, String body) {
        var req = Api.as(token).header("If-Match", "\"" + version(id) + "\"");
        if (body != null) req = req.contentType(ContentType.JSON).body(body);
        return req.post("/api/v1/cases/{id}/" + path, id).then();
    }

    void assertEvent(String type, String caseId) {
        ConsumerRecord<String, byte[]> e = kafka.await(kafka.topic("followup"), typeAndSubject(type, caseId), WAIT);
        Contracts.assertValid(type, value(e));
        assertEquals(caseId, e.key());
    }

    @Test
    void the_land_rights_case_from_assignment_through_a_redo_to_the_proposers_satisfaction() {
        String topic = UUID.randomUUID().toString();
        String id = caseFor(topic, "[\"natural-resources\"]", "null");
        given().get("/api/v1/cases/{id}", id).then().body("handlingMode", equalTo("JOINT"))
                .body("coHandlers.unitCode", equalTo(List.of("natural-resources"))).body("coHandlers[0].unitName", equalTo("县自然资源和规划局"))
                .body("coHandlers[0].status", equalTo("ASSIGNED"));
        assertEvent("CaseOpened", id);

        // The co-handler sees the case (its inbox) and signs for its part; it may not sign the case itself.
        Api.as(NATURAL).get("/api/v1/cases").then().body("items.id", org.hamcrest.Matchers.hasItem(id));
        move(NATURAL, id, "sign", null).statusCode(403);
        move(NATURAL, id, "part/sign", null).statusCode(200).body("coHandlers[0].status", equalTo("SIGNED"));
        // Another unit does not see it at all.
        Api.as(HOUSING).get("/api/v1/cases/{id}", id).then().statusCode(404);

        move(AGRI, id, "sign", null).statusCode(200).body("status", equalTo("SIGNED"));
        move(AGRI, id, "progress", """
                {"percent": 60, "text": "已完成二轮承包台账核对，张榜公示七天",
                 "evidence": [{"name": "公示照片.jpg", "contentType": "image/jpeg", "sizeBytes": 284113, "sha256": "%s"}]}
                """.formatted("a".repeat(64))).statusCode(200).body("status", equalTo("IN_PROGRESS")).body("progressPercent", equalTo(60));
        assertEvent("ProgressReported", id);
        move(AGRI, id, "progress", "{\"percent\": 120, \"text\": \"x\"}").statusCode(400).body("violations[0].field", containsString("percent"));
        // The lead unit cannot reply before its co-handler has reported.
        move(AGRI, id, "reply", "{\"text\": \"已解决\", \"resolutionDegree\": \"A\"}").statusCode(409)
                .body("detail", containsString("县自然资源和规划局"));
        move(NATURAL, id, "part/report", "{\"text\": \"测绘经费由我局落实\"}").statusCode(200).body("coHandlers[0].status", equalTo("REPORTED"));
        move(NATURAL, id, "reply", "{\"text\": \"x\", \"resolutionDegree\": \"A\"}").statusCode(403);
        move(AGRI, id, "reply", "{\"text\": \"12户面积异议已更正\", \"resolutionDegree\": \"B\"}").statusCode(200)
                .body("status", equalTo("REPLIED")).body("resolutionDegree", equalTo("B"));
        assertEvent("CaseReplied", id);

        // Nobody evaluates before review; an organizer does not review.
        move(PROPOSER, id, "evaluations", "{\"attitude\": \"SATISFIED\", \"result\": \"SATISFIED\"}").statusCode(409)
                .body("detail", containsString("REPLIED"));
        move(ORGANIZER, id, "reply/approval", null).statusCode(403);
        move(STAFF, id, "reply/send-back", "{\"reason\": \"未说明两户遗留异议\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("sentBackReason", equalTo("未说明两户遗留异议"));
        assertEvent("ReplySentBack", id);
        move(AGRI, id, "reply", "{\"text\": \"12户面积异议已更正，两户遗留异议已调解\", \"resolutionDegree\": \"A\"}").statusCode(200);
        move(STAFF, id, "reply/approval", null).statusCode(200).body("status", equalTo("REPLY_APPROVED")).body("round", equalTo(1));
        assertEvent("ReplyApproved", id);

        // Those who evaluate: the participant, the co-signer (neither decides), then the proposer, who is not satisfied.
        move(STRANGER, id, "evaluations", "{\"attitude\": \"SATISFIED\", \"result\": \"SATISFIED\"}").statusCode(404);
        move(AGRI, id, "evaluations", "{\"attitude\": \"SATISFIED\", \"result\": \"SATISFIED\"}").statusCode(403);
        move(PARTICIPANT, id, "evaluations", "{\"attitude\": \"SATISFIED\", \"result\": \"BASICALLY_SATISFIED\", \"comment\": \"较及时\"}").statusCode(200)
                .body("status", equalTo("REPLY_APPROVED"));
        move(PARTICIPANT, id, "evaluations", "{\"attitude\": \"SATISFIED\", \"result\": \"SATISFIED\"}").statusCode(409);
        move(CO_SIGNER, id, "evaluations", "{\"attitude\": \"SATISFIED\", \"result\": \"SATISFIED\"}").statusCode(200);
        move(PROPOSER, id, "evaluations", "{\"attitude\": \"SATISFIED\", \"result\": \"DISSATISFIED\", \"comment\": \"证书未发放\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("redoCount", equalTo(1)).body("round", equalTo(2))
                .body("coHandlers[0].status", equalTo("SIGNED"));
        assertEvent("CaseEvaluated", id);
        assertEvent("CaseRedo", id);

        // Round two: the co-handler reports again, the unit replies, staff pass it, the proposer is satisfied.
        move(NATURAL, id, "part/report", "{\"text\": \"证书已印制\"}").statusCode(200);
        move(AGRI, id, "reply", "{\"text\": \"确权证书已发放到户\", \"resolutionDegree\": \"A\"}").statusCode(200);
        move(STAFF, id, "reply/approval", null).statusCode(200);
        Api.as(PROPOSER).get("/api/v1/cases").then().body("items.id", org.hamcrest.Matchers.hasItem(id));
        move(PROPOSER, id, "evaluations", "{\"attitude\": \"SATISFIED\", \"result\": \"SATISFIED\", \"comment\": \"满意\"}").statusCode(200)
                .body("status", equalTo("CLOSED")).body("satisfaction", equalTo("SATISFIED")).body("allowedActions", hasSize(0));
        assertEvent("CaseClosed", id);

        Api.as(PROPOSER).get("/api/v1/cases/{id}/evaluations", id).then().statusCode(200)
                .body("role", equalTo(List.of("PARTICIPANT", "CO_SIGNER", "PROPOSER", "PROPOSER")))
                .body("decisive", equalTo(List.of(false, false, true, true))).body("round", equalTo(List.of(1, 1, 1, 2)));
        given().get("/api/v1/cases/{id}/progress", id).then().statusCode(200)
                .body("unitCode", equalTo(List.of("agri-rural", "natural-resources", "natural-resources")))
                .body("[0].evidence[0].name", equalTo("公示照片.jpg"));
        given().get("/api/v1/cases/{id}/history", id).then().statusCode(200).body("kind", equalTo(List.of(
                "OPENED", "PART_SIGNED", "SIGNED", "PROGRESS", "PART_REPORTED", "REPLIED", "REPLY_SENT_BACK", "REPLIED", "REPLY_APPROVED",
                "EVALUATED", "EVALUATED", "EVALUATED", "REDO", "PART_REPORTED", "REPLIED", "REPLY_APPROVED", "EVALUATED", "CLOSED")));
        // A stranger sees none of it.
        Api.as(STRANGER).get("/api/v1/cases").then().body("items", hasSize(0));
        Api.as(STRANGER).get("/api/v1/cases/{id}/history", id).then().statusCode(404);
    }

    @Test
    void a_return_request_is_reassigned_or_refused_by_staff_only() {
        String id = caseFor(UUID.randomUUID().toString(), "[]", "null");
        move(AGRI, id, "return-request", "{\"reason\": \"\"}").statusCode(400).body("violations[0].field", containsString("reason"));
        move(AGRI, id, "return-request", "{\"reason\": \"测绘属自然资源和规划局职责\"}").statusCode(200)
                .body("status", equalTo("RETURN_REQUESTED")).body("allowedActions", equalTo(List.of("REASSIGN", "INSIST")));
        assertEvent("CaseReturnRequested", id);
        move(AGRI, id, "sign", null).statusCode(409).body("detail", containsString("INSIST, REASSIGN"));
        move(STAFF, id, "insist", "{\"note\": \"台账由农业农村局保管\"}").statusCode(200).body("status", equalTo("ASSIGNED"));
        move(AGRI, id, "return-request", "{\"reason\": \"仍请改派\"}").statusCode(200);
        move(ORGANIZER, id, "reassign", "{\"unitCode\": \"natural-resources\", \"reason\": \"改派\"}").statusCode(403);
        move(STAFF, id, "reassign", "{\"unitCode\": \"no-such-unit\", \"reason\": \"改派\"}").statusCode(422).body("violations[0].field", equalTo("unitCode"));
        move(STAFF, id, "reassign", "{\"unitCode\": \"agri-rural\", \"reason\": \"改派\"}").statusCode(422);
        move(STAFF, id, "reassign", "{\"unitCode\": \"natural-resources\", \"reason\": \"同意申退\"}").statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("leadUnitCode", equalTo("natural-resources")).body("leadUnit", equalTo("县自然资源和规划局"));
        assertEvent("CaseReassigned", id);
        // The old unit no longer sees it; the new one signs.
        Api.as(AGRI).get("/api/v1/cases/{id}", id).then().statusCode(404);
        move(NATURAL, id, "sign", null).statusCode(200).body("status", equalTo("SIGNED"));
    }

    @Test
    void after_the_redo_limit_staff_close_the_case_with_a_note() {
        String id = caseFor(UUID.randomUUID().toString(), "[]", "null");
        move(AGRI, id, "sign", null).statusCode(200);
        for (int round = 1; round <= 3; round++) {
            move(AGRI, id, "reply", "{\"text\": \"第" + round + "次答复\", \"resolutionDegree\": \"C\"}").statusCode(200);
            move(STAFF, id, "reply/approval", null).statusCode(200);
            move(PROPOSER, id, "evaluations", "{\"attitude\": \"BASICALLY_SATISFIED\", \"result\": \"DISSATISFIED\"}").statusCode(200);
        }
        // Two redos (shangliang.followup.max-redos), then the third 不满意 leaves it for staff.
        given().get("/api/v1/cases/{id}", id).then().body("status", equalTo("REPLY_APPROVED")).body("redoCount", equalTo(2));
        move(STAFF, id, "redo", "{\"reason\": \"再办一次\"}").statusCode(409).body("detail", containsString("2"));
        move(STAFF, id, "close", "{\"note\": \"\"}").statusCode(400);
        move(STAFF, id, "close", "{\"note\": \"重办两次后仍不满意，留作参考办结\"}").statusCode(200)
                .body("status", equalTo("CLOSED")).body("satisfaction", equalTo("DISSATISFIED")).body("closingNote", containsString("留作参考"));
        assertEvent("CaseClosed", id);
    }

    @Test
    void a_deadline_in_working_days_is_set_at_sign_for_on_the_calendar() {
        String id = caseFor(UUID.randomUUID().toString(), "[]", "10");
        given().get("/api/v1/cases/{id}", id).then().body("workingDays", equalTo(10)).body("dueDate", equalTo(null));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String expected = given().queryParam("from", today).queryParam("workingDays", 10).get("/api/v1/working-calendar/deadline")
                .then().statusCode(200).extract().path("dueDate");
        move(AGRI, id, "sign", null).statusCode(200).body("dueDate", equalTo(expected));
        assertEvent("CaseSigned", id);
    }

    @Test
    void working_days_across_the_spring_festival_and_national_day_with_their_adjusted_workdays() {
        // 2026: 春节 2月15日至23日放假, 2月14日(周六)、28日(周六)上班; 国庆 10月1日至7日放假, 9月20日(周日)、10月10日(周六)上班.
        assertDeadline("2026-02-13", 1, "2026-02-14");
        assertDeadline("2026-02-13", 2, "2026-02-24");
        assertDeadline("2026-02-24", 4, "2026-02-28");
        assertDeadline("2026-02-24", 5, "2026-03-02");
        assertDeadline("2026-09-18", 1, "2026-09-20");
        assertDeadline("2026-09-30", 1, "2026-10-08");
        assertDeadline("2026-09-30", 3, "2026-10-10");
        assertDeadline("2026-09-30", 4, "2026-10-12");
        assertDeadline("2026-12-31", 1, "2027-01-04");
        given().get("/api/v1/working-calendar/2026").then().statusCode(200).body("workingDays", equalTo(248));
    }

    @Test
    void staff_maintain_the_calendar_and_others_only_read_it() {
        // 2027-02-20 is a Saturday: made a workday (as the 2027 notice might), a deadline over it shortens.
        assertDeadline("2027-02-19", 1, "2027-02-22");
        Api.as(AGRI).contentType(ContentType.JSON).body("{\"kind\": \"WORKDAY\", \"name\": \"春节调休上班\"}").put("/api/v1/working-calendar/days/2027-02-20").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"kind\": \"WORKDAY\", \"name\": \"春节调休上班\"}").put("/api/v1/working-calendar/days/2027-02-22").then().statusCode(422)
                .body("violations[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body("{\"kind\": \"SOMETIMES\", \"name\": \"x\"}").put("/api/v1/working-calendar/days/2027-02-20").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"kind\": \"WORKDAY\", \"name\": \"春节调休上班\", \"source\": \"国务院办公厅通知\"}")
                .put("/api/v1/working-calendar/days/2027-02-20").then().statusCode(200).body("kind", equalTo("WORKDAY"));
        try {
            assertDeadline("2027-02-19", 1, "2027-02-20");
            Api.as(AGRI).get("/api/v1/working-calendar/2027").then().statusCode(200).body("days.find { it.date == '2027-02-20' }.name", equalTo("春节调休上班"));
        } finally {
            given().delete("/api/v1/working-calendar/days/2027-02-20").then().statusCode(204);
        }
        given().delete("/api/v1/working-calendar/days/2027-02-20").then().statusCode(404);
        assertDeadline("2027-02-19", 1, "2027-02-22");
    }

    static void assertDeadline(String from, int days, String due) {
        given().queryParam("from", from).queryParam("workingDays", days).get("/api/v1/working-calendar/deadline").then().statusCode(200)
                .body("dueDate", equalTo(due));
    }

    @Test
    void an_outcome_may_ask_for_a_split_case() {
        String id = caseFor(UUID.randomUUID().toString(), "[\"natural-resources\"], \"handlingMode\": \"SPLIT\"", "null");
        given().get("/api/v1/cases/{id}", id).then().body("handlingMode", equalTo("SPLIT")).body("coHandlers.unitCode", equalTo(List.of("natural-resources")));
    }

    @Test
    void staff_open_a_split_case_by_hand_for_a_meeting_outside_the_platform() {
        String body = """
                {"source": "县政协主席会议（2026年11月20日）纪要第3条", "territoryCode": "330421003", "content": "完善农村公路养护长效机制",
                 "leadUnitCode": "agri-rural", "coHandlerCodes": ["natural-resources"], "handlingMode": "SPLIT", "workingDays": 15}
                """;
        Api.as(ORGANIZER).contentType(ContentType.JSON).body(body).post("/api/v1/cases").then().statusCode(403);
        Api.as(TestTokens.as(Roles.CPPCC_STAFF, "330421001").token()).contentType(ContentType.JSON).body(body).post("/api/v1/cases").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body.replace("\"agri-rural\"", "\"no-such-unit\"").replace("[\"natural-resources\"]", "[\"old-bureau\"]"))
                .post("/api/v1/cases").then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("leadUnitCode", "coHandlerCodes[0]")));
        given().contentType(ContentType.JSON).body(body.replace("\"workingDays\": 15", "\"workingDays\": 15, \"dueDate\": \"2027-01-31\""))
                .post("/api/v1/cases").then().statusCode(422).body("violations[0].field", equalTo("workingDays"));
        String key = UUID.randomUUID().toString();
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/cases").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/cases/" + given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                        .post("/api/v1/cases").then().statusCode(201).extract().path("id")))
                .body("source", equalTo("县政协主席会议（2026年11月20日）纪要第3条")).body("topicId", equalTo(null)).body("outcomeId", equalTo(null))
                .body("handlingMode", equalTo("SPLIT")).body("coHandlers.unitCode", equalTo(List.of("natural-resources")))
                .body("leadUnit", equalTo("县农业农村局")).body("workingDays", equalTo(15)).extract().path("id");
        assertEvent("CaseOpened", id);
        // In a split case each unit's portion carries its own resolution degree.
        move(NATURAL, id, "part/report", "{\"text\": \"本单位部分已完成\"}").statusCode(422).body("violations[0].field", equalTo("resolutionDegree"));
        move(NATURAL, id, "part/report", "{\"text\": \"本单位部分已完成\", \"resolutionDegree\": \"A\"}").statusCode(200)
                .body("coHandlers[0].resolutionDegree", equalTo("A"));
        move(AGRI, id, "sign", null).statusCode(200).body("dueDate", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/cases/{id}/history", id).then().body("[0].summary", equalTo("手工交办：县农业农村局（来源：县政协主席会议（2026年11月20日）纪要第3条）"));
    }
}
