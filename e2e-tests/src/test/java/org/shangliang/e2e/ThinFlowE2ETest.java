package org.shangliang.e2e;

import static org.shangliang.commons.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.shangliang.e2e.Demo.*;

import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole loop across the three running services over real Kafka: a villager's topic is
 * accepted, deliberated in the Huitong village hall, and followed up as a department case.
 */
class ThinFlowE2ETest extends OnRunningPlatform {

    @Test
    void a_topic_goes_from_submission_to_a_department_case_and_its_timeline_shows_every_step() {
        Loop loop = new Loop();
        loop.acceptTopic().scheduleSession().startSession();
        JsonPath outcome = loop.recordOutcome();
        String caseId = loop.awaitCase();

        as(STAFF).get(FOLLOWUP + "/api/v1/cases/{id}", caseId).then().statusCode(200)
                .body("topicId", equalTo(loop.topic)).body("status", equalTo("ASSIGNED"))
                .body("leadUnit", equalTo("县农业农村局")).body("outcomeId", equalTo(outcome.getString("id")))
                .body("territoryCode", equalTo(loop.village));
        awaitTrue(() -> "IN_FOLLOW_UP".equals(as(VILLAGER).get(TOPICS + "/api/v1/topics/{id}", loop.topic).then().extract().path("status")),
                "topic shows IN_FOLLOW_UP");
        as(VILLAGER).get(TOPICS + "/api/v1/topics/{id}/timeline", loop.topic).then().statusCode(200)
                .body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "SCHEDULED", "DELIBERATED", "CASE_OPENED")))
                .body("service", equalTo(List.of("topics-service", "topics-service", "sessions-service", "sessions-service", "followup-service")));
        as(AGRI_CLERK).header("If-Match", "\"0\"").post(FOLLOWUP + "/api/v1/cases/{id}/sign", caseId).then().statusCode(200).body("status", equalTo("SIGNED"));
    }

    @Test
    void a_postponed_and_rescheduled_session_shows_on_the_topic_and_a_topic_left_without_an_outcome_waits_for_another_session() {
        Loop loop = new Loop();
        loop.acceptTopic().scheduleSession();
        as(ORGANIZER).contentType("application/json").header("If-Match", "\"0\"").body("{\"reason\":\"台风预警，延期举行\"}")
                .post(SESSIONS + "/api/v1/sessions/{id}/postpone", loop.session).then().statusCode(200).body("status", equalTo("POSTPONED"));
        as(ORGANIZER).contentType("application/json").header("If-Match", "\"1\"").body("{\"startsAt\":\"2026-12-10T06:30:00Z\"}")
                .post(SESSIONS + "/api/v1/sessions/{id}/reschedule", loop.session).then().statusCode(200).body("status", equalTo("SCHEDULED"));
        loop.startSession();
        int version = as(ORGANIZER).get(SESSIONS + "/api/v1/sessions/{id}", loop.session).then().extract().path("version");
        as(ORGANIZER).header("If-Match", "\"" + version + "\"").post(SESSIONS + "/api/v1/sessions/{id}/conclude", loop.session)
                .then().statusCode(200).body("status", equalTo("CONCLUDED"));
        // No outcome was recorded: the topic goes back to waiting for a session, and its timeline tells the story.
        awaitTrue(() -> "ACCEPTED".equals(as(VILLAGER).get(TOPICS + "/api/v1/topics/{id}", loop.topic).then().extract().path("status")),
                "the topic waits for another session");
        as(VILLAGER).get(TOPICS + "/api/v1/topics/{id}/timeline", loop.topic).then().statusCode(200)
                .body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "SCHEDULED", "SESSION_POSTPONED", "SESSION_RESCHEDULED", "SESSION_CONCLUDED")))
                .body("summary[4]", equalTo("协商会改期至 2026-12-10 14:30（北京时间）"));
    }

    @Test
    void a_correction_of_the_outcome_reaches_the_open_case_and_the_topic_timeline() {
        Loop loop = new Loop();
        loop.acceptTopic().scheduleSession().startSession();
        JsonPath outcome = loop.recordOutcome();
        String caseId = loop.awaitCase();
        as(AGRI_CLERK).header("If-Match", "\"0\"").post(FOLLOWUP + "/api/v1/cases/{id}/sign", caseId).then().statusCode(200);
        String kept = outcome.getString("recommendations[0].id");
        // 更正: the same recommendation with a later due date, and a second one added.
        as(ORGANIZER).contentType("application/json").body("""
                {"reason": "第三轮协商确认的办理时限有误，更正为2027年3月31日；增加村道测绘",
                 "consensus": "在村委换届前召开第三轮协商；承包户与村民在政策范围内重新确认权属。", "decisionRule": "CONSENSUS",
                 "recommendations": [
                   {"id": "%s", "text": "核对二轮承包台账，组织承包户重新确认权属", "unitCode": "agri-rural", "dueDate": "2027-03-31"},
                   {"text": "组织村道测绘，核定确权地块四至", "unitCode": "agri-rural", "workingDays": 20}]}""".formatted(kept))
                .post(SESSIONS + "/api/v1/sessions/{id}/agenda-items/{item}/outcomes/corrections", loop.session, loop.item)
                .then().statusCode(201).body("version", equalTo(2)).body("changes.changed", equalTo(List.of(kept)));
        awaitTrue(() -> "2027-03-31".equals(as(STAFF).get(FOLLOWUP + "/api/v1/cases/{id}", caseId).then().extract().path("dueDate")),
                "the open case carries the corrected due date");
        as(STAFF).get(FOLLOWUP + "/api/v1/cases/{id}", caseId).then().body("status", equalTo("SIGNED")).body("outcomeVersion", equalTo(2));
        as(STAFF).get(FOLLOWUP + "/api/v1/cases/{id}/history", caseId).then().statusCode(200)
                .body("kind", equalTo(List.of("OPENED", "SIGNED", "CORRECTED")));
        awaitTrue(() -> as(STAFF).queryParam("topicId", loop.topic).get(FOLLOWUP + "/api/v1/cases").then().extract().<List<String>>path("items.id").size() == 2,
                "the added recommendation opened a case");
        awaitTrue(() -> as(VILLAGER).get(TOPICS + "/api/v1/topics/{id}/timeline", loop.topic).then().extract().<List<String>>path("kind").contains("OUTCOME_CORRECTED"),
                "the topic's timeline shows the correction");
    }
}
