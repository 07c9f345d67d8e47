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
    void a_topic_goes_from_submission_through_a_department_case_to_its_conclusion_and_its_timeline_shows_every_step() {
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

        // The second half: progress, the reply, its review, the villager's evaluation; the case closes and the topic concludes.
        as(AGRI_CLERK).contentType("application/json").header("If-Match", "\"1\"").body("{\"percent\": 60, \"text\": \"已完成二轮承包台账核对，张榜公示七天\"}")
                .post(FOLLOWUP + "/api/v1/cases/{id}/progress", caseId).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        as(AGRI_CLERK).contentType("application/json").header("If-Match", "\"2\"").body("{\"text\": \"12户面积异议已更正，确权证书已发放\", \"resolutionDegree\": \"A\"}")
                .post(FOLLOWUP + "/api/v1/cases/{id}/reply", caseId).then().statusCode(200).body("status", equalTo("REPLIED"));
        as(STAFF).header("If-Match", "\"3\"").post(FOLLOWUP + "/api/v1/cases/{id}/reply/approval", caseId).then().statusCode(200)
                .body("status", equalTo("REPLY_APPROVED"));
        // The villager who raised the topic reads the case of their topic and is satisfied.
        awaitTrue(() -> as(VILLAGER).get(FOLLOWUP + "/api/v1/cases/{id}", caseId).statusCode() == 200, "the proposer reads the case");
        as(VILLAGER).contentType("application/json").header("If-Match", "\"4\"").body("{\"attitude\": \"SATISFIED\", \"result\": \"SATISFIED\", \"comment\": \"满意\"}")
                .post(FOLLOWUP + "/api/v1/cases/{id}/evaluations", caseId).then().statusCode(200).body("status", equalTo("CLOSED"));
        awaitTrue(() -> "CONCLUDED".equals(as(VILLAGER).get(TOPICS + "/api/v1/topics/{id}", loop.topic).then().extract().path("status")),
                "topic shows CONCLUDED");
        as(VILLAGER).get(TOPICS + "/api/v1/topics/{id}/timeline", loop.topic).then().statusCode(200)
                .body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "SCHEDULED", "DELIBERATED", "CASE_OPENED", "CASE_SIGNED", "CASE_REPLIED", "CASE_CLOSED", "CONCLUDED")));
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

    /**
     * The Huitong land-rights question took three rounds (惠通村土地确权，三轮协商): the first ends in
     * disagreement, the second agrees to survey first, the third agrees on the department's steps and
     * corrects its record, and the correction reaches the department's open case.
     */
    @Test
    void the_three_rounds_of_the_huitong_land_rights_consultation() {
        Loop loop = new Loop();
        loop.acceptTopic();
        String wang = "wang-" + java.util.UUID.randomUUID(); // a villager with a login, fresh per run (double booking is by person)
        String wangsToken = org.shangliang.commons.testing.TestTokens.as("resident", loop.village).subject(wang).name("王阿大").token();

        // Round 1: positions taken, one objection: no consensus, the disagreement is recorded without recommendations.
        Round first = Round.held(loop, null, "2026-10-15T06:30:00Z", wang);
        first.speak(first.people.get(1), "SPEECH", "三组有两户确权面积与台账不符，要求重新测量。");
        first.speak(first.people.get(0), "DEPARTMENT_RESPONSE", "农业农村局：以二轮承包台账为准，可安排复核。");
        as(wangsToken).contentType("application/json").body("{\"stance\": \"OBJECT\", \"note\": \"面积不符\"}")
                .put(SESSIONS + "/api/v1/sessions/{id}/agenda-items/{item}/positions/{p}", first.session, first.item, first.people.get(1)).then().statusCode(200);
        first.position(first.people.get(2), "AGREE");
        first.record("{\"consensus\": \"分歧较大，待实测后再议\", \"decisionRule\": \"CONSENSUS\", \"recommendations\": []}")
                .body("decision.met", equalTo(false)).body("decision.objecting", equalTo(1));
        first.conclude();

        // Round 2 continues it: agrees to survey first (by acclamation: nothing counted).
        Round second = Round.held(loop, first.session, "2026-11-05T06:30:00Z", wang);
        second.speak(second.people.get(0), "DEPARTMENT_RESPONSE", "农业农村局：两周内完成实测。");
        second.record("{\"consensus\": \"先由农经站实测，再开第三轮\", \"decisionRule\": \"CONSENSUS\", \"recommendations\": []}")
                .body("decision.met", org.hamcrest.Matchers.nullValue());
        second.conclude();

        // Round 3: everyone present agrees; the department's step becomes a case.
        Round third = Round.held(loop, second.session, "2026-12-03T06:30:00Z", wang);
        third.speak(third.people.get(0), "DEPARTMENT_RESPONSE", "农业农村局：实测已完成，按实测面积确权。");
        for (String person : third.people.subList(0, 5)) {
            if (person.equals(third.people.get(1))) {
                as(wangsToken).contentType("application/json").body("{\"stance\": \"AGREE\"}")
                        .put(SESSIONS + "/api/v1/sessions/{id}/agenda-items/{item}/positions/{p}", third.session, third.item, person).then().statusCode(200);
            } else {
                third.position(person, "AGREE");
            }
        }
        String kept = third.record("""
                {"consensus": "按实测面积重新确认权属，换届前完成。", "decisionRule": "CONSENSUS",
                 "recommendations": [{"text": "按实测面积组织承包户重新确认权属", "unitCode": "agri-rural", "dueDate": "2027-01-31"}]}""")
                .body("decision.met", equalTo(true)).body("decision.inFavour", equalTo(5)).extract().path("recommendations[0].id");
        loop.session = third.session;
        String caseId = loop.awaitCase();
        as(AGRI_CLERK).header("If-Match", "\"0\"").post(FOLLOWUP + "/api/v1/cases/{id}/sign", caseId).then().statusCode(200);
        // The third round's correction: a later due date; it reaches the open case.
        as(ORGANIZER).contentType("application/json").body("""
                {"reason": "实测延误，时限更正为2027年3月31日", "consensus": "按实测面积重新确认权属，换届前完成。", "decisionRule": "CONSENSUS",
                 "recommendations": [{"id": "%s", "text": "按实测面积组织承包户重新确认权属", "unitCode": "agri-rural", "dueDate": "2027-03-31"}]}""".formatted(kept))
                .post(SESSIONS + "/api/v1/sessions/{id}/agenda-items/{item}/outcomes/corrections", third.session, third.item).then().statusCode(201);
        awaitTrue(() -> "2027-03-31".equals(as(STAFF).get(FOLLOWUP + "/api/v1/cases/{id}", caseId).then().extract().path("dueDate")),
                "the correction reaches the open case");
        third.conclude();

        as(ORGANIZER).get(SESSIONS + "/api/v1/sessions/{id}/rounds", first.session).then().statusCode(200)
                .body("round", equalTo(List.of(1, 2, 3))).body("sessionId", equalTo(List.of(first.session, second.session, third.session)))
                .body("items.collect { it[0].outcome.version }", equalTo(List.of(1, 1, 2)));
        String minutes = as(wangsToken).accept("text/markdown").get(SESSIONS + "/api/v1/sessions/{id}/minutes", third.session).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(minutes.contains("农业农村局：实测已完成") && minutes.contains("更正说明：实测延误"), minutes);
        awaitTrue(() -> as(VILLAGER).get(TOPICS + "/api/v1/topics/{id}/timeline", loop.topic).then().extract().<List<String>>path("kind").contains("OUTCOME_CORRECTED"),
                "the topic's timeline shows the correction");
    }

    /** One round of the village hall: scheduled (continuing {@code previous}), six invited, five checked in, opened. */
    static final class Round {
        String session;
        String item;
        /** Participant ids: 0 the department official, 1 Wang (with a login), 2–4 others present, 5 absent. */
        List<String> people;

        static Round held(Loop loop, String previous, String startsAt, String wang) {
            Round r = new Round();
            JsonPath s = as(ORGANIZER).contentType("application/json").body("""
                    {"title": "惠通村民生议事堂：土地确权", "type": "VILLAGE_HALL", "mode": "IN_PERSON", "territoryCode": "%s",
                     "startsAt": "%s", "venue": "惠通村文化礼堂", "previousRoundId": %s, "agenda": ["%s"]}"""
                    .formatted(loop.village, startsAt, previous == null ? "null" : "\"" + previous + "\"", loop.topic))
                    .post(SESSIONS + "/api/v1/sessions").then().statusCode(201).extract().jsonPath();
            r.session = s.getString("id");
            r.item = s.getString("agenda[0].id");
            r.people = as(ORGANIZER).contentType("application/json").body("""
                    {"participants": [{"role": "DEPARTMENT_OFFICIAL", "name": "农业农村局张科长", "unitCode": "agri-rural"},
                      {"role": "VILLAGER_REPRESENTATIVE", "name": "王阿大", "subject": "%s"}, {"role": "NOTABLE", "name": "乡贤李老师"},
                      {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表陈"}, {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表周"},
                      {"role": "LEADER", "name": "街道分管领导"}]}""".formatted(wang))
                    .post(SESSIONS + "/api/v1/sessions/{id}/participants", r.session).then().statusCode(201).extract().path("id");
            as(ORGANIZER).contentType("application/json").body(java.util.Map.of("participantIds", r.people.subList(0, 5)))
                    .post(SESSIONS + "/api/v1/sessions/{id}/check-ins", r.session).then().statusCode(200).body("quorumMet", equalTo(true));
            as(ORGANIZER).header("If-Match", "\"0\"").post(SESSIONS + "/api/v1/sessions/{id}/start", r.session).then().statusCode(200);
            return r;
        }

        void speak(String participant, String kind, String summary) {
            as(ORGANIZER).contentType("application/json").body(java.util.Map.of("participantId", participant, "kind", kind, "summary", summary))
                    .post(SESSIONS + "/api/v1/sessions/{id}/agenda-items/{item}/contributions", session, item).then().statusCode(201);
        }

        void position(String participant, String stance) {
            as(ORGANIZER).contentType("application/json").body("{\"stance\": \"" + stance + "\"}")
                    .put(SESSIONS + "/api/v1/sessions/{id}/agenda-items/{item}/positions/{p}", session, item, participant).then().statusCode(200)
                    .body("onBehalf", equalTo(true));
        }

        io.restassured.response.ValidatableResponse record(String outcome) {
            return as(ORGANIZER).contentType("application/json").body(outcome)
                    .post(SESSIONS + "/api/v1/sessions/{id}/agenda-items/{item}/outcomes", session, item).then().statusCode(201);
        }

        void conclude() {
            int version = as(ORGANIZER).get(SESSIONS + "/api/v1/sessions/{id}", session).then().extract().path("version");
            as(ORGANIZER).header("If-Match", "\"" + version + "\"").post(SESSIONS + "/api/v1/sessions/{id}/conclude", session).then().statusCode(200);
        }
    }

    /**
     * Two more replicas of followup-service, their deadline watches ticking every second against the
     * one database: each case due today gets one due-soon notice and one reminder, not one per replica
     * or per tick.
     */
    @Test
    void three_followup_replicas_send_each_deadline_notice_once() throws Exception {
        java.util.Map<String, String> fast = java.util.Map.of("SHANGLIANG_FOLLOWUP_WATCH_EVERY", "1s", "SHANGLIANG_FOLLOWUP_WATCH_DELAY", "1s");
        platform.start("followup", "followup-2", 18094, fast);
        platform.start("followup", "followup-3", 18095, fast);
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        try (org.shangliang.commons.testing.EventsTestKit kafka = new org.shangliang.commons.testing.EventsTestKit(bootstrap, platform.namespace())) {
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(as(STAFF).contentType("application/json").body("""
                        {"source": "县政协主席会议纪要第%d条", "territoryCode": "%s", "content": "今日到期的办理件", "leadUnitCode": "agri-rural", "dueDate": "%s"}
                        """.formatted(i + 1, HUIMIN, today)).post(FOLLOWUP + "/api/v1/cases").then().statusCode(201).extract().path("id"));
            }
            String replica = Platform.url(18094);
            for (String id : ids) {
                awaitTrue(() -> as(STAFF).get(replica + "/api/v1/cases/{id}", id).then().extract().<Integer>path("reminderCount") >= 1, "case " + id + " reminded");
            }
            sleep(5_000); // five more ticks on each fast replica
            for (String id : ids) {
                as(STAFF).get(FOLLOWUP + "/api/v1/cases/{id}", id).then().body("reminderCount", equalTo(1)).body("deadlineState", equalTo("DUE_SOON"));
                org.junit.jupiter.api.Assertions.assertEquals(1, kafka.read(kafka.topic("followup"),
                        org.shangliang.commons.testing.EventsTestKit.typeAndSubject("CaseDueSoon", id), 3, java.time.Duration.ofSeconds(2)).size(), "one CaseDueSoon for " + id);
            }
        } finally {
            platform.terminate("followup-2");
            platform.terminate("followup-3");
        }
    }
}
