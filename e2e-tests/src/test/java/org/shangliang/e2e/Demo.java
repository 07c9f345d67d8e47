package org.shangliang.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.shangliang.commons.testing.Api.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.testing.TestTokens;

/** The people and the loop of the demo (Huitong village, Huimin street), against the running platform. */
final class Demo {

    static final String TOPICS = Platform.url(Platform.TOPICS);
    static final String SESSIONS = Platform.url(Platform.SESSIONS);
    static final String FOLLOWUP = Platform.url(Platform.FOLLOWUP);
    static final long WAIT_MS = 20_000;

    // The people of the demo, each with a real token of their role and territory.
    static final String HUIMIN = "330421003";
    static final String VILLAGER = TestTokens.as("resident", HUIMIN + "201").subject("wang@huitong").name("王建国").token();
    static final String ORGANIZER = TestTokens.as("organizer", HUIMIN).name("惠民街道政协联络室").token();
    static final String STAFF = TestTokens.as("cppcc_staff", "330421").name("县政协机关").token();
    static final String AGRI_CLERK = TestTokens.as("handler", "330421").unit("agri-rural").subject("clerk@agri").token();

    /** The demo client's tokens for the services under test: signed with the test key. */
    static final org.shangliang.demo.Tokens TOKENS = (role, territory, unit, subject, name) -> {
        TestTokens.Builder b = TestTokens.as(role, territory).subject(subject).name(name);
        if (unit != null) b.unit(unit);
        return b.token();
    };

    private Demo() {
    }

    /** One topic's way through the loop. */
    static final class Loop {
        final String village = HUIMIN + "201";
        String topic;
        String session;
        String item;
        /** A W3C traceparent sent with the acceptance and the outcome, so a test can find their traces. */
        String traceparent;

        Loop traced(String traceparent) {
            this.traceparent = traceparent;
            return this;
        }

        private java.util.Map<String, String> traceHeaders() {
            return traceparent == null ? java.util.Map.of() : java.util.Map.of("traceparent", traceparent);
        }

        Loop acceptTopic() {
            topic = as(VILLAGER).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("""
                            {"title": "惠通村土地确权第三轮协商", "description": "部分承包户对确权面积有异议，建议换届前再协商一轮。",
                             "themes": ["农业"], "territoryCode": "%s", "level": "VILLAGE", "channel": "RESIDENT"}
                            """.formatted(village))
                    .post(TOPICS + "/api/v1/topics").then().statusCode(201).extract().path("id");
            as(ORGANIZER).contentType(ContentType.JSON).header("If-Match", "\"0\"").headers(traceHeaders()).body("{\"note\": \"列入第8次民生议事堂\"}")
                    .post(TOPICS + "/api/v1/topics/{id}/accept", topic).then().statusCode(200).body("status", equalTo("ACCEPTED"));
            awaitTrue(() -> as(ORGANIZER).queryParam("territory", village).queryParam("limit", 100).get(SESSIONS + "/api/v1/consultable-topics")
                    .then().extract().<List<String>>path("items.topicId").contains(topic), "sessions-service learns of the topic");
            return this;
        }

        Loop scheduleSession() {
            JsonPath s = as(ORGANIZER).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("""
                            {"title": "惠通村民生议事堂2026年第8次协商", "type": "VILLAGE_HALL", "mode": "IN_PERSON", "territoryCode": "%s",
                             "startsAt": "2026-12-03T06:30:00Z", "venue": "惠通村文化礼堂", "agenda": ["%s"]}
                            """.formatted(village, topic))
                    .post(SESSIONS + "/api/v1/sessions").then().statusCode(201).extract().jsonPath();
            session = s.getString("id");
            item = s.getString("agenda[0].id");
            return this;
        }

        /** 开会: the organizer opens the session in the hall; outcomes are recorded from now on. */
        Loop startSession() {
            int version = as(ORGANIZER).get(SESSIONS + "/api/v1/sessions/{id}", session).then().statusCode(200).extract().path("version");
            as(ORGANIZER).header("If-Match", "\"" + version + "\"").post(SESSIONS + "/api/v1/sessions/{id}/start", session)
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"));
            // 签到: a village hall's quorum (five present) before an outcome can be recorded.
            java.util.List<String> ids = as(ORGANIZER).contentType(ContentType.JSON).body("""
                    {"participants": [
                      {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表甲"}, {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表乙"},
                      {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表丙"}, {"role": "NOTABLE", "name": "乡贤丁"},
                      {"role": "DEPARTMENT_OFFICIAL", "name": "农业农村局科长", "unitCode": "agri-rural"}]}""")
                    .post(SESSIONS + "/api/v1/sessions/{id}/participants", session).then().statusCode(201).extract().path("id");
            as(ORGANIZER).contentType(ContentType.JSON).body(java.util.Map.of("participantIds", ids))
                    .post(SESSIONS + "/api/v1/sessions/{id}/check-ins", session).then().statusCode(200)
                    .body("quorumMet", org.hamcrest.Matchers.equalTo(true));
            return this;
        }

        JsonPath recordOutcome() {
            return as(ORGANIZER).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).headers(traceHeaders())
                    .body("""
                            {"consensus": "在村委换届前召开第三轮协商；承包户与村民在政策范围内重新确认权属。", "decisionRule": "CONSENSUS",
                             "recommendations": [{"text": "核对二轮承包台账，组织承包户重新确认权属", "unitCode": "agri-rural", "dueDate": "2027-01-31"}]}
                            """)
                    .post(SESSIONS + "/api/v1/sessions/{id}/agenda-items/{item}/outcomes", session, item)
                    .then().statusCode(201).body("recommendations", hasSize(1)).extract().jsonPath();
        }

        /** Records the outcome and waits for its case; @return the case id */
        String recordAndAwait() {
            recordOutcome();
            return awaitCase();
        }

        String awaitCase() {
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (System.currentTimeMillis() < deadline) {
                List<String> ids = as(STAFF).queryParam("topicId", topic).get(FOLLOWUP + "/api/v1/cases").then().statusCode(200).extract().path("items.id");
                if (!ids.isEmpty()) return ids.get(0);
                sleep(2);
            }
            throw new AssertionError("no case for topic " + topic + " within " + WAIT_MS + " ms");
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("timed out: " + what);
            sleep(5);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
