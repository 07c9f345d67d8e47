package org.shangliang.sessions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.EventsTestKit.header;
import static org.shangliang.commons.testing.EventsTestKit.typeAndSubject;
import static org.shangliang.commons.testing.EventsTestKit.value;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;
import org.shangliang.commons.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.DirectoryFixtures;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.events.ReferenceCopy;

/** Scheduling and outcomes, fed by TopicAccepted events on the real broker. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class SessionFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();

    /** The county CPPCC office: may organize anywhere in the county. */
    static final String COUNTY_STAFF = TestTokens.as(Roles.CPPCC_STAFF, "330421").name("县政协机关").token();

    @jakarta.inject.Inject jakarta.persistence.EntityManager em;
    @jakarta.inject.Inject ReferenceCopy copy;
    private static boolean unitsInDirectory;

    @org.junit.jupiter.api.BeforeEach
    void actAsCountyStaff() {
        Api.actByDefaultAs(COUNTY_STAFF);
        unitsInDirectory(kafka, copy);
    }

    /** The units OUTCOME names, once per test run. */
    static synchronized void unitsInDirectory(EventsTestKit kafka, ReferenceCopy copy) {
        if (unitsInDirectory) return;
        DirectoryFixtures.unit(kafka, copy, "agri-rural", "县农业农村局", false);
        DirectoryFixtures.unit(kafka, copy, "cppcc-office", "县政协办公室", false);
        unitsInDirectory = true;
    }

    /** A grid under Huimin street, unique per call, in this service's copy of the directory. */
    String freshVillage() {
        return DirectoryFixtures.territory(kafka, copy, "330421003" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)), false);
    }

    /** As topics-service would announce an accepted topic; waits until this service knows it. */
    String acceptedTopic(String village) {
        String topic = UUID.randomUUID().toString();
        kafka.send(kafka.topic("topics"), topic, "TopicAccepted", "/shangliang/topics-service", """
                {"topicId": "%s", "number": "YT-2026-%04d", "title": "惠通村土地确权第三轮协商", "description": "换届前再协商一轮",
                 "themes": ["农业"], "territoryCode": "%s", "level": "VILLAGE", "acceptedAt": "2026-11-21T01:00:00Z"}
                """.formatted(topic, ThreadLocalRandom.current().nextInt(10000), village));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("territory", village).get("/api/v1/consultable-topics")
                .then().body("items.topicId", hasItem(topic)));
        return topic;
    }

    static String sessionBody(String village, String... topics) {
        String agenda = String.join("\", \"", topics);
        return """
                {"title": "惠通村民生议事堂2026年第8次协商", "type": "VILLAGE_HALL", "mode": "IN_PERSON", "territoryCode": "%s",
                 "startsAt": "2026-12-03T06:30:00Z", "venue": "惠通村文化礼堂", "host": "惠民街道政协联络室", "agenda": ["%s"]}
                """.formatted(village, agenda);
    }

    static JsonPath schedule(String village, String... topics) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(sessionBody(village, topics)).post("/api/v1/sessions").then().statusCode(201).extract().jsonPath();
    }

    /** Scheduled and opened (开会): outcomes can be recorded. */
    static JsonPath started(String village, String... topics) {
        JsonPath session = schedule(village, topics);
        return given().header("If-Match", "\"" + session.getLong("version") + "\"").post("/api/v1/sessions/{id}/start", session.getString("id"))
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS")).extract().jsonPath();
    }

    static final String OUTCOME = """
            {"consensus": "在村委换届前召开第三轮协商，邀请县政协、乡贤和农经部门参加。", "decisionRule": "CONSENSUS",
             "recommendations": [
               {"text": "核对二轮承包台账，组织承包户重新确认权属", "unitCode": "agri-rural", "dueDate": "2027-01-31"},
               {"text": "邀请县政协委员列席第三轮协商", "unitCode": "cppcc-office"}]}
            """;

    @Test
    void a_withdrawn_topic_leaves_what_can_be_scheduled() {
        String village = freshVillage();
        String topic = acceptedTopic(village);
        kafka.send(kafka.topic("topics"), topic, "TopicWithdrawn", "/shangliang/topics-service", """
                {"topicId": "%s", "number": "YT-2026-0101", "reason": "已与邻居协商解决", "withdrawnAt": "2026-11-22T02:00:00Z"}
                """.formatted(topic));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("territory", village).get("/api/v1/consultable-topics")
                .then().body("items.topicId", org.hamcrest.Matchers.not(hasItem(topic))));
        given().contentType(ContentType.JSON).body(sessionBody(village, topic)).post("/api/v1/sessions").then()
                .statusCode(422).body("violations[0].field", equalTo("agenda[0]"));
        // A topic merged into another leaves too; the survivor stays.
        String survivor = acceptedTopic(village);
        String merged = acceptedTopic(village);
        kafka.send(kafka.topic("topics"), merged, "TopicMerged", "/shangliang/topics-service", """
                {"topicId": "%s", "number": "YT-2026-0102", "survivorId": "%s", "survivorNumber": "YT-2026-0103", "note": "同一事项", "mergedAt": "2026-11-22T04:00:00Z"}
                """.formatted(merged, survivor));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("territory", village).get("/api/v1/consultable-topics")
                .then().body("items.topicId", org.hamcrest.Matchers.not(hasItem(merged))).body("items.topicId", hasItem(survivor)));
    }

    @Test
    void territories_and_units_are_checked_against_the_directory_copy_which_rebuilds_from_the_compacted_topic() {
        String village = freshVillage();
        String topic = acceptedTopic(village);
        String unknown = "330421999" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        given().contentType(ContentType.JSON).body(sessionBody(unknown, topic)).post("/api/v1/sessions").then()
                .statusCode(422).contentType("application/problem+json").body("violations[0].field", equalTo("territoryCode"));
        String retired = DirectoryFixtures.territory(kafka, copy, freshCode(), true);
        given().contentType(ContentType.JSON).body(sessionBody(retired, topic)).post("/api/v1/sessions").then()
                .statusCode(422).body("violations[0].field", equalTo("territoryCode")).body("detail", containsString("已停用"));

        JsonPath session = started(village, topic);
        String outcomes = "/api/v1/sessions/{id}/agenda-items/{item}/outcomes";
        DirectoryFixtures.unit(kafka, copy, "old-bureau", "县旧局", true);
        for (String code : List.of("no-such-unit", "old-bureau")) {
            given().contentType(ContentType.JSON)
                    .body("{\"consensus\": \"再协商\", \"decisionRule\": \"CONSENSUS\", \"recommendations\": [{\"text\": \"核对台账\", \"unitCode\": \"agri-rural\"}, {\"text\": \"列席\", \"unitCode\": \"" + code + "\"}]}")
                    .post(outcomes, session.getString("id"), session.getString("agenda[0].id"))
                    .then().statusCode(422).contentType("application/problem+json").body("violations[0].field", equalTo("recommendations[1].unitCode"));
        }
        given().contentType(ContentType.JSON).body(OUTCOME).post(outcomes, session.getString("id"), session.getString("agenda[0].id"))
                .then().statusCode(201).body("recommendations[0].unitCode", equalTo("agri-rural"))
                .body("recommendations[0].suggestedUnit", equalTo("县农业农村局"));

        // A copy that lost everything reads the compacted topic again and has the same entries.
        copy.rebuild();
        await().atMost(WAIT).until(() -> copy.isCaughtUp());
        given().contentType(ContentType.JSON).body(sessionBody(village, acceptedTopic(village))).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/sessions").then().statusCode(201);
        given().contentType(ContentType.JSON).body(sessionBody(retired, topic)).post("/api/v1/sessions").then().statusCode(422);
    }

    static String freshCode() {
        return "330421003" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    @Test
    void an_accepted_topic_becomes_consultable_once_even_if_announced_twice() {
        String village = freshVillage();
        String topic = UUID.randomUUID().toString();
        String json = """
                {"topicId": "%s", "number": "YT-2026-0100", "title": "村道提升改造", "territoryCode": "%s", "level": "VILLAGE", "acceptedAt": "2026-11-21T01:00:00Z"}
                """.formatted(topic, village);
        String eventId = UUID.randomUUID().toString();
        kafka.send(kafka.topic("topics"), topic, eventId, "TopicAccepted", "/shangliang/topics-service", json);
        kafka.send(kafka.topic("topics"), topic, eventId, "TopicAccepted", "/shangliang/topics-service", json);
        String later = acceptedTopic(village); // same partition or not, wait until a later event was applied too
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("territory", village).get("/api/v1/consultable-topics")
                .then().body("items", hasSize(2)).body("items.topicId", hasItem(topic)).body("items.topicId", hasItem(later)));
        // Once because of the inbox, not only because adding a known topic happens to change nothing.
        Number applied = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (Number) em
                .createNativeQuery("select count(*) from inbox_event where event_id = ?1").setParameter(1, eventId).getSingleResult());
        assertEquals(1, applied.intValue());
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("shangliang_events_duplicates_total{type=\"TopicAccepted\"}"));
        given().queryParam("targetId", topic).queryParam("action", "topic.consultable").get("/api/v1/audit").then()
                .body("items", hasSize(1)).body("items[0].actor", org.hamcrest.Matchers.equalTo("system:topics-service"));
    }

    @Test
    void scheduling_publishes_SessionScheduled_matching_the_contract() {
        String village = freshVillage();
        String topic = acceptedTopic(village);
        JsonPath session = schedule(village, topic);
        assertEquals("SCHEDULED", session.getString("status"));
        assertEquals(topic, session.getString("agenda[0].topicId"));
        ConsumerRecord<String, byte[]> event = kafka.await(kafka.topic("sessions"), typeAndSubject("SessionScheduled", session.getString("id")), WAIT);
        Contracts.assertValid("SessionScheduled", value(event));
        assertTrue(value(event).contains(topic));
    }

    @Test
    void a_topic_that_is_not_accepted_cannot_go_on_the_agenda() {
        String village = freshVillage();
        String known = acceptedTopic(village);
        String unknown = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(sessionBody(village, known, unknown)).post("/api/v1/sessions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("agenda[1]"))
                .body("violations[0].message", containsString(unknown));
        given().queryParam("territory", village).get("/api/v1/sessions").then().body("items", hasSize(0));
    }

    @Test
    void an_agenda_must_not_be_empty_nor_repeat_a_topic() {
        String village = freshVillage();
        String topic = acceptedTopic(village);
        given().contentType(ContentType.JSON).body(sessionBody(village).replace("[\"\"]", "[]")).post("/api/v1/sessions")
                .then().statusCode(400).body("violations.field", hasItem("agenda"));
        given().contentType(ContentType.JSON).body(sessionBody(village, topic, topic)).post("/api/v1/sessions")
                .then().statusCode(400).body("violations[0].field", equalTo("agenda"));
        given().contentType(ContentType.JSON).body(sessionBody(village, topic).replace("2026-12-03T06:30:00Z", "下周三"))
                .post("/api/v1/sessions").then().statusCode(400).body("violations[0].field", equalTo("startsAt"));
    }

    @Test
    void recording_an_outcome_publishes_OutcomeRecorded_and_marks_the_item_deliberated() {
        String village = freshVillage();
        String topic = acceptedTopic(village);
        JsonPath session = started(village, topic);
        String id = session.getString("id");
        String item = session.getString("agenda[0].id");
        JsonPath outcome = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(OUTCOME)
                .post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().statusCode(201)
                .body("version", equalTo(1)).body("recommendations", hasSize(2)).body("recordedBy", equalTo("县政协机关")).extract().jsonPath();
        given().get("/api/v1/sessions/{id}", id).then().body("status", equalTo("IN_PROGRESS")).body("agenda[0].status", equalTo("DELIBERATED"))
                .body("allowedActions", equalTo(List.of("CONCLUDE", "RECORD_OUTCOME")));
        ConsumerRecord<String, byte[]> event = kafka.await(kafka.topic("sessions"), r -> "OutcomeRecorded".equals(header(r, "ce_type"))
                && value(r).contains(outcome.getString("id")), WAIT);
        Contracts.assertValid("OutcomeRecorded", value(event));
        assertEquals(id, event.key(), "keyed by session: a session's events stay in order");
        assertTrue(value(event).contains(outcome.getString("recommendations[0].id")));
    }

    @Test
    void a_correction_is_a_new_version_and_the_first_stays_as_it_was() {
        String village = freshVillage();
        JsonPath session = started(village, acceptedTopic(village));
        String id = session.getString("id");
        String item = session.getString("agenda[0].id");
        given().contentType(ContentType.JSON).body(OUTCOME).post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().statusCode(201);
        given().contentType(ContentType.JSON).body(OUTCOME.replace("第三轮协商，", "第三轮协商（更正），"))
                .post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().statusCode(201).body("version", equalTo(2));
        given().get("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("consensus[0]", equalTo("在村委换届前召开第三轮协商，邀请县政协、乡贤和农经部门参加。"));
    }

    @Test
    void two_clerks_recording_at_once_get_two_versions() throws Exception {
        String village = freshVillage();
        JsonPath session = started(village, acceptedTopic(village));
        String id = session.getString("id");
        String item = session.getString("agenda[0].id");
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> statuses.add(given().contentType(ContentType.JSON).body(OUTCOME)
                    .post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).statusCode()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        assertEquals(List.of(201, 201), statuses);
        given().get("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().body("version", equalTo(List.of(1, 2)));
    }

    @Test
    void an_outcome_retry_with_the_same_key_records_nothing_twice() {
        String village = freshVillage();
        JsonPath session = started(village, acceptedTopic(village));
        String id = session.getString("id");
        String item = session.getString("agenda[0].id");
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(OUTCOME)
                .post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(OUTCOME)
                .post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().statusCode(201).body("id", equalTo(first));
        given().get("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().body("version", equalTo(List.of(1)));
    }

    @Test
    void a_session_is_postponed_rescheduled_opened_and_concluded_and_a_late_outcome_is_marked() {
        String village = freshVillage();
        String first = acceptedTopic(village);
        String second = acceptedTopic(village);
        JsonPath session = schedule(village, first, second);
        String id = session.getString("id");
        String item1 = session.getString("agenda[0].id");
        String item2 = session.getString("agenda[1].id");
        String path = "/api/v1/sessions/{id}/";

        // Not yet opened: no outcome, and the refusal names the moves that are possible.
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(OUTCOME).post(path + "agenda-items/{item}/outcomes", id, item1)
                .then().statusCode(409).body("detail", containsString("START"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"台风预警\"}").post(path + "postpone", id).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\":\"台风预警，延期举行\"}").post(path + "postpone", id)
                .then().statusCode(200).body("status", equalTo("POSTPONED")).body("postponedReason", equalTo("台风预警，延期举行"))
                .body("allowedActions", equalTo(List.of("RESCHEDULE", "CANCEL")));
        Contracts.assertValid("SessionPostponed", value(kafka.await(kafka.topic("sessions"), typeAndSubject("SessionPostponed", id), WAIT)));
        given().header("If-Match", "\"1\"").header("Accept-Language", "en").post(path + "start", id)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("RESCHEDULE"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"startsAt\":\"下周\"}").post(path + "reschedule", id)
                .then().statusCode(400).body("violations[0].field", equalTo("startsAt"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"startsAt\":\"2026-12-10T06:30:00Z\"}").post(path + "reschedule", id)
                .then().statusCode(200).body("status", equalTo("SCHEDULED")).body("startsAt", equalTo("2026-12-10T06:30:00Z"))
                .body("rescheduleCount", equalTo(1)).body("postponedReason", equalTo("台风预警，延期举行"));
        String rescheduled = value(kafka.await(kafka.topic("sessions"), typeAndSubject("SessionRescheduled", id), WAIT));
        Contracts.assertValid("SessionRescheduled", rescheduled);
        assertTrue(rescheduled.contains("2026-12-03T06:30:00Z") && rescheduled.contains(second), "the old time and the agenda: " + rescheduled);

        given().header("If-Match", "\"2\"").post(path + "start", id).then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("startedAt", org.hamcrest.Matchers.notNullValue());
        Contracts.assertValid("SessionStarted", value(kafka.await(kafka.topic("sessions"), typeAndSubject("SessionStarted", id), WAIT)));
        given().contentType(ContentType.JSON).body(OUTCOME).post(path + "agenda-items/{item}/outcomes", id, item1)
                .then().statusCode(201).body("late", equalTo(false));
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body("{\"reason\":\"x\"}").header("Accept-Language", "en").post(path + "cancel", id)
                .then().statusCode(409).body("detail", containsString("CONCLUDE"));
        long version = given().get(path, id).then().extract().jsonPath().getLong("version");
        given().header("If-Match", "\"" + version + "\"").post(path + "conclude", id).then().statusCode(200)
                .body("status", equalTo("CONCLUDED")).body("allowedActions", equalTo(List.of("RECORD_OUTCOME")));
        String concluded = value(kafka.await(kafka.topic("sessions"), typeAndSubject("SessionConcluded", id), WAIT));
        Contracts.assertValid("SessionConcluded", concluded);
        assertEquals(List.of(second), JsonPath.from(concluded).getList("undeliberatedTopicIds"), "names the item left without an outcome: " + concluded);

        // 补录: within the configured days a late outcome is recorded and marked; after them, refused.
        given().contentType(ContentType.JSON).body(OUTCOME).post(path + "agenda-items/{item}/outcomes", id, item2)
                .then().statusCode(201).body("late", equalTo(true));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update consultation_session set concluded_at = now() - interval '8 days' where id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(OUTCOME).post(path + "agenda-items/{item}/outcomes", id, item2)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("7 days after the session concluded"));
        given().get(path + "agenda-items/{item}/outcomes", id, item2).then().body("version", equalTo(List.of(1))).body("late", equalTo(List.of(true)));
    }

    @Test
    void the_rounds_of_a_matter_come_back_in_order_with_the_outcome_in_force_of_each() {
        String village = freshVillage();
        String topic = acceptedTopic(village);
        JsonPath first = started(village, topic);
        given().contentType(ContentType.JSON).body(OUTCOME).post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", first.getString("id"), first.getString("agenda[0].id"))
                .then().statusCode(201);
        String second = given().contentType(ContentType.JSON).body(sessionBody(village, topic).replace("\"agenda\"", "\"previousRoundId\": \"" + first.getString("id") + "\", \"agenda\""))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        JsonPath third = given().contentType(ContentType.JSON).body(sessionBody(village, topic).replace("\"agenda\"", "\"previousRoundId\": \"" + second + "\", \"agenda\""))
                .post("/api/v1/sessions").then().statusCode(201).extract().jsonPath();
        String thirdId = third.getString("id");
        given().header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/start", thirdId).then().statusCode(200);
        String path = "/api/v1/sessions/{id}/agenda-items/{item}/outcomes";
        given().contentType(ContentType.JSON).body(OUTCOME).post(path, thirdId, third.getString("agenda[0].id")).then().statusCode(201);
        given().contentType(ContentType.JSON).body(OUTCOME.replace("第三轮协商，", "第三轮协商（更正），")).post(path, thirdId, third.getString("agenda[0].id"))
                .then().statusCode(201).body("version", equalTo(2));
        // Asked from any round, the same chain: first round first, each item with its outcome in force (none yet for the second).
        for (String asked : List.of(first.getString("id"), second, thirdId)) {
            given().get("/api/v1/sessions/{id}/rounds", asked).then().statusCode(200)
                    .body("round", equalTo(List.of(1, 2, 3)))
                    .body("sessionId", equalTo(List.of(first.getString("id"), second, thirdId)))
                    .body("previousRoundId[1]", equalTo(first.getString("id")))
                    .body("items[0][0].outcome.version", equalTo(1))
                    .body("items[1][0].outcome", org.hamcrest.Matchers.nullValue())
                    .body("items[2][0].outcome.version", equalTo(2))
                    .body("items[2][0].outcome.consensus", containsString("（更正）"))
                    .body("items[2][0].topicId", equalTo(topic));
        }
        given().get("/api/v1/sessions/{id}/rounds", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void cancelling_needs_if_match_and_only_a_scheduled_session_can_be_cancelled() {
        String village = freshVillage();
        JsonPath session = schedule(village, acceptedTopic(village));
        String id = session.getString("id");
        String item = session.getString("agenda[0].id");
        given().contentType(ContentType.JSON).body("{\"reason\":\"台风预警\"}").post("/api/v1/sessions/{id}/cancel", id).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body("{\"reason\":\"台风预警\"}").post("/api/v1/sessions/{id}/cancel", id).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\":\"台风预警\"}").post("/api/v1/sessions/{id}/cancel", id)
                .then().statusCode(200).body("status", equalTo("CANCELLED")).header("ETag", "\"1\"");
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(OUTCOME)
                .post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("Allowed from CANCELLED: none"));
        ConsumerRecord<String, byte[]> event = kafka.await(kafka.topic("sessions"), typeAndSubject("SessionCancelled", id), WAIT);
        Contracts.assertValid("SessionCancelled", value(event));
    }

    @Test
    void an_unknown_session_or_item_is_404() {
        given().get("/api/v1/sessions/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        String village = freshVillage();
        String id = started(village, acceptedTopic(village)).getString("id");
        given().contentType(ContentType.JSON).body(OUTCOME).post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_TopicAccepted_without_required_fields_is_dead_lettered() {
        String topic = UUID.randomUUID().toString();
        RecordMetadata bad = kafka.send(kafka.topic("topics"), topic, "TopicAccepted", "/shangliang/topics-service", "{\"topicId\": \"" + topic + "\"}");
        ConsumerRecord<String, byte[]> dead = kafka.await(kafka.deadLetters("sessions-service"),
                r -> String.valueOf(bad.offset()).equals(header(r, "dlt_original_offset")) && String.valueOf(bad.partition()).equals(header(r, "dlt_original_partition")), WAIT);
        assertEquals(kafka.topic("topics"), header(dead, "dlt_original_topic"));
        assertTrue(header(dead, "dlt_error").contains("is invalid"), header(dead, "dlt_error"));
        assertTrue(header(dead, "dlt_error").contains("number"), "names the missing field: " + header(dead, "dlt_error"));
        assertEquals("malformed", header(dead, "dlt_reason"));
        assertEquals("1", header(dead, "dlt_attempts"), "validated before the handler: no retries");
    }

    @Test
    void times_and_dates_outside_what_a_client_sends_are_refused_with_the_field_named() {
        String village = freshVillage();
        String topic = acceptedTopic(village);
        for (String startsAt : List.of("+999999999-12-31T23:59:59Z", "2026-12-03T06:30:00", "2026-12-03")) {
            given().contentType(ContentType.JSON).body(sessionBody(village, topic).replace("2026-12-03T06:30:00Z", startsAt))
                    .post("/api/v1/sessions").then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("startsAt"));
        }
        JsonPath session = schedule(village, topic);
        for (String dueDate : List.of("\"\"", "\"2027-01-31T00:00:00Z\"", "\"+999999999-12-31\"", "20270131")) {
            given().contentType(ContentType.JSON)
                    .body("{\"consensus\": \"再协商\", \"decisionRule\": \"CONSENSUS\", \"recommendations\": [{\"text\": \"核对台账\", \"unitCode\": \"agri-rural\", \"dueDate\": " + dueDate + "}]}")
                    .post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", session.getString("id"), session.getString("agenda[0].id"))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("recommendations[0].dueDate"));
        }
    }
}
