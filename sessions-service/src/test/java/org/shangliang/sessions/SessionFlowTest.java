package org.shangliang.sessions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
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
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
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

    /** Scheduled, opened (开会) and with a village hall's quorum present: outcomes can be recorded. */
    static JsonPath started(String village, String... topics) {
        JsonPath session = schedule(village, topics);
        quorum(RestAssured::given, session.getString("id"));
        return given().header("If-Match", "\"" + session.getLong("version") + "\"").post("/api/v1/sessions/{id}/start", session.getString("id"))
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS")).extract().jsonPath();
    }

    /** Five villager representatives (by name: no double booking) invited and checked in: a village hall's quorum (5, and half of those expected). */
    static List<String> quorum(Supplier<RequestSpecification> organizer, String session) {
        List<String> ids = organizer.get().contentType(ContentType.JSON).body("""
                {"participants": [
                  {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表甲"}, {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表乙"},
                  {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表丙"}, {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表丁"},
                  {"role": "NOTABLE", "name": "乡贤戊"}]}""").post("/api/v1/sessions/{id}/participants", session)
                .then().log().ifValidationFails().statusCode(201).extract().path("id");
        organizer.get().contentType(ContentType.JSON).body(java.util.Map.of("participantIds", ids)).post("/api/v1/sessions/{id}/check-ins", session)
                .then().statusCode(200).body("present", equalTo(5)).body("quorumMet", equalTo(true));
        return ids;
    }

    /** The statuses of these requests sent at the same moment, in the order given. */
    static List<Integer> atOnce(List<Supplier<Integer>> requests) throws InterruptedException {
        Integer[] statuses = new Integer[requests.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            int n = i;
            Thread t = new Thread(() -> statuses[n] = requests.get(n).get());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        return java.util.Arrays.asList(statuses);
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
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("shangliang_events_duplicates_total{application=\"sessions-service\",type=\"TopicAccepted\"}"))
                // Lag per partition this replica consumes, caught up by now.
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*shangliang_events_consumer_lag\\{application=\"sessions-service\",partition=\"\\d+\",topic=\"[^\"]+\\.topics\"} 0\\.0.*"));
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
        // The territory travels as ce_territory; a public session's events carry no ce_internal.
        assertEquals(village, header(event, "ce_territory"));
        assertEquals(null, header(event, "ce_internal"));
        String internal = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(sessionBody(village, acceptedTopic(village)).replace("\"type\"", "\"visibility\": \"INTERNAL\", \"type\""))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        ConsumerRecord<String, byte[]> internalEvent = kafka.await(kafka.topic("sessions"), typeAndSubject("SessionScheduled", internal), WAIT);
        assertEquals("true", header(internalEvent, "ce_internal"), "an internal session's events say so, for readers outside (webhooks)");
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
                .body("version", equalTo(1)).body("recommendations", hasSize(2)).body("recordedBy", equalTo("县政协机关"))
                .body("recordedAtLocal", org.hamcrest.Matchers.endsWith("+08:00")).extract().jsonPath();
        given().get("/api/v1/sessions/{id}", id).then().body("status", equalTo("IN_PROGRESS")).body("agenda[0].status", equalTo("DELIBERATED"))
                .body("startedAtLocal", org.hamcrest.Matchers.endsWith("+08:00"))
                .body("allowedActions", equalTo(List.of("CONCLUDE", "RECORD_OUTCOME", "INVITE", "CHECK_IN", "STATE_POSITION", "CORRECT_OUTCOME",
                        "CONTRIBUTE", "SUBMIT_IN_WRITING")));
        ConsumerRecord<String, byte[]> event = kafka.await(kafka.topic("sessions"), r -> "OutcomeRecorded".equals(header(r, "ce_type"))
                && value(r).contains(outcome.getString("id")), WAIT);
        Contracts.assertValid("OutcomeRecorded", value(event));
        assertEquals(id, event.key(), "keyed by session: a session's events stay in order");
        assertTrue(value(event).contains(outcome.getString("recommendations[0].id")));
    }

    /** The whole corrected record: the first recommendation kept with a new due date, the second withdrawn, a third added. */
    static String correction(String keptId) {
        return """
                {"reason": "办理时限有误，更正为2027年3月31日；邀请委员列席一项已在本轮完成，撤回；增加村道测绘",
                 "consensus": "在村委换届前召开第三轮协商，邀请县政协、乡贤和农经部门参加。", "decisionRule": "CONSENSUS",
                 "recommendations": [
                   {"id": "%s", "text": "核对二轮承包台账，组织承包户重新确认权属", "unitCode": "agri-rural", "dueDate": "2027-03-31"},
                   {"text": "组织村道测绘，核定确权地块四至", "unitCode": "cppcc-office", "coHandlerCodes": ["agri-rural"], "handlingMode": "SPLIT", "workingDays": 20}]}
                """.formatted(keptId);
    }

    @Test
    void a_correction_is_a_new_version_that_keeps_recommendation_ids_and_says_what_changed_and_why() {
        String village = freshVillage();
        JsonPath session = started(village, acceptedTopic(village));
        String id = session.getString("id");
        String item = session.getString("agenda[0].id");
        String path = "/api/v1/sessions/{id}/agenda-items/{item}/outcomes";
        JsonPath first = given().contentType(ContentType.JSON).body(OUTCOME).post(path, id, item).then().statusCode(201)
                .body("changes", org.hamcrest.Matchers.nullValue()).extract().jsonPath();
        String kept = first.getString("recommendations[0].id");
        String withdrawn = first.getString("recommendations[1].id");
        // Recording again is refused: a change to an official record is a correction with its reason.
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(OUTCOME).post(path, id, item)
                .then().statusCode(409).body("type", containsString("outcome-exists")).body("detail", containsString("correction"));
        // 办理方式 must fit the co-handlers: SOLE names none, SPLIT and JOINT name some.
        given().contentType(ContentType.JSON).body(correction(kept).replace("\"handlingMode\": \"SPLIT\"", "\"handlingMode\": \"SOLE\""))
                .post(path + "/corrections", id, item).then().statusCode(422).body("violations.field", hasItem("recommendations[1].handlingMode"));
        given().contentType(ContentType.JSON).body(correction(kept).replace("\"coHandlerCodes\": [\"agri-rural\"], ", ""))
                .post(path + "/corrections", id, item).then().statusCode(422).body("violations.field", hasItem("recommendations[1].handlingMode"));
        JsonPath second = given().contentType(ContentType.JSON).body(correction(kept)).post(path + "/corrections", id, item).then().statusCode(201)
                .body("recommendations[1].handlingMode", equalTo("SPLIT")).body("recommendations[1].coHandlerCodes", equalTo(List.of("agri-rural")))
                .body("version", equalTo(2)).body("correctionReason", containsString("更正为2027年3月31日"))
                .body("recommendations[0].id", equalTo(kept)).body("recommendations[0].dueDate", equalTo("2027-03-31"))
                .body("recommendations[1].workingDays", equalTo(20))
                .body("changes.consensusChanged", equalTo(false)).body("changes.changed", equalTo(List.of(kept)))
                .body("changes.withdrawn", equalTo(List.of(withdrawn))).body("changes.added", hasSize(1)).extract().jsonPath();
        assertEquals(second.getString("changes.added[0]"), second.getString("recommendations[1].id"));
        // The first version is as it was; the list says what each version changed.
        given().get(path, id, item).then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("[0].recommendations[0].dueDate", equalTo("2027-01-31")).body("[1].recommendations[0].dueDate", equalTo("2027-03-31"))
                .body("recommendations[0][1].id", equalTo(withdrawn))
                .body("changes[1].changed", equalTo(List.of(kept)));
        String event = value(kafka.await(kafka.topic("sessions"), r -> "OutcomeCorrected".equals(header(r, "ce_type"))
                && value(r).contains(second.getString("id")), WAIT));
        Contracts.assertValid("OutcomeCorrected", event);
        JsonPath corrected = JsonPath.from(event);
        assertEquals(first.getString("id"), corrected.getString("previousOutcomeId"));
        assertEquals(List.of(withdrawn), corrected.getList("withdrawn"));
        assertEquals(List.of(kept), corrected.getList("changed"));

        // What is refused: a correction that changes nothing, an id not in force, none to correct.
        given().contentType(ContentType.JSON).body(correction(kept).replace("\"workingDays\": 20", "\"id\": \"" + second.getString("changes.added[0]") + "\", \"workingDays\": 20"))
                .post(path + "/corrections", id, item).then().statusCode(422).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(correction(withdrawn)).post(path + "/corrections", id, item)
                .then().statusCode(422).body("violations[0].field", equalTo("recommendations[0].id"));
        JsonPath other = started(village, acceptedTopic(village));
        given().contentType(ContentType.JSON).body(correction(kept)).post(path + "/corrections", other.getString("id"), other.getString("agenda[0].id"))
                .then().statusCode(409);
    }

    @Test
    void two_clerks_recording_at_once_record_one_version_and_the_other_is_told_it_exists() throws Exception {
        String village = freshVillage();
        JsonPath session = started(village, acceptedTopic(village));
        String id = session.getString("id");
        String item = session.getString("agenda[0].id");
        Supplier<Integer> record = () -> given().contentType(ContentType.JSON).body(OUTCOME)
                .post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).statusCode();
        assertEquals(List.of(201, 409), atOnce(List.of(record, record)).stream().sorted().toList());
        given().get("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().body("version", equalTo(List.of(1)));
    }

    @Test
    void positions_are_stated_by_the_person_or_on_their_behalf_and_the_decision_rule_is_counted_from_them() {
        String village = freshVillage();
        JsonPath session = schedule(village, acceptedTopic(village), acceptedTopic(village));
        String id = session.getString("id");
        String item = session.getString("agenda[0].id");
        String second = session.getString("agenda[1].id");
        String li = "villager-li-" + UUID.randomUUID();
        List<String> ids = given().contentType(ContentType.JSON).body("""
                {"participants": [{"role": "VILLAGER_REPRESENTATIVE", "name": "李阿根", "subject": "%s"},
                  {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表乙"}, {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表丙"},
                  {"role": "NOTABLE", "name": "乡贤丁"}, {"role": "EXPERT", "name": "专家戊"}, {"role": "LEADER", "name": "未到会领导"}]}""".formatted(li))
                .post("/api/v1/sessions/{id}/participants", id).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantIds", ids.subList(0, 5))).post("/api/v1/sessions/{id}/check-ins", id).then().statusCode(200);
        String positions = "/api/v1/sessions/{id}/agenda-items/{item}/positions/{p}";
        RequestSpecification lisPhone = Api.as(TestTokens.as(Roles.RESIDENT, "330421").subject(li).token());
        // Before the session is opened: 409. After: by the person, by the organizer (on behalf), not by others, not for the absent.
        lisPhone.contentType(ContentType.JSON).body("{\"stance\": \"AGREE\"}").put(positions, id, item, ids.get(0)).then().statusCode(409);
        given().header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/start", id).then().statusCode(200);
        Api.as(TestTokens.as(Roles.RESIDENT, "330421").subject(li).token()).contentType(ContentType.JSON)
                .body("{\"stance\": \"AGREE_WITH_RESERVATIONS\", \"note\": \"确权面积须经承包户签字\"}")
                .put(positions, id, item, ids.get(0)).then().statusCode(200).body("onBehalf", equalTo(false)).body("participantName", equalTo("李阿根"));
        Api.as(TestTokens.as(Roles.RESIDENT, "330421").subject(li).token()).contentType(ContentType.JSON).body("{\"stance\": \"AGREE\"}")
                .put(positions, id, item, ids.get(1)).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"stance\": \"AGREE\"}").put(positions, id, item, ids.get(5)).then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"stance\": \"AGREE\"}").put(positions, id, item, ids.get(1)).then().statusCode(200).body("onBehalf", equalTo(true));
        given().contentType(ContentType.JSON).body("{\"stance\": \"OBJECT\", \"note\": \"面积有误\"}").put(positions, id, item, ids.get(2)).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"stance\": \"ABSTAIN\"}").put(positions, id, item, ids.get(3)).then().statusCode(200);
        given().get("/api/v1/sessions/{id}/agenda-items/{item}/positions", id, item).then().statusCode(200)
                .body("stance", equalTo(List.of("AGREE_WITH_RESERVATIONS", "AGREE", "OBJECT", "ABSTAIN")));

        // One objection: no consensus, so recommendations are refused; an outcome without them records the disagreement.
        String outcomes = "/api/v1/sessions/{id}/agenda-items/{item}/outcomes";
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(OUTCOME).post(outcomes, id, item)
                .then().statusCode(409).body("type", containsString("decision-not-met")).body("detail", containsString("1 against"));
        given().contentType(ContentType.JSON).body("{\"consensus\": \"多数同意，李阿根等保留意见\", \"decisionRule\": \"MAJORITY\", \"recommendations\": []}")
                .post(outcomes, id, item).then().statusCode(422).body("violations[0].field", equalTo("majorityThreshold"));
        JsonPath outcome = given().contentType(ContentType.JSON)
                .body(OUTCOME.replace("\"decisionRule\": \"CONSENSUS\"", "\"decisionRule\": \"MAJORITY\", \"majorityThreshold\": 0.667"))
                .post(outcomes, id, item).then().statusCode(201)
                .body("decision.met", equalTo(true)).body("decision.present", equalTo(5)).body("decision.inFavour", equalTo(2))
                .body("decision.withReservations", equalTo(1)).body("decision.objecting", equalTo(1)).body("decision.abstaining", equalTo(1))
                .body("decision.notStated", equalTo(1)).body("positions", hasSize(4))
                .body("positions.find { it.participantName == '村民代表乙' }.onBehalf", equalTo(true)).extract().jsonPath();
        String event = value(kafka.await(kafka.topic("sessions"), r -> "OutcomeRecorded".equals(header(r, "ce_type"))
                && value(r).contains(outcome.getString("id")), WAIT));
        Contracts.assertValid("OutcomeRecorded", event);
        assertEquals(List.of(li), JsonPath.from(event).getList("participantSubjects"), "those present with a login may evaluate");
        assertEquals(Boolean.TRUE, JsonPath.from(event).get("decisionMet"));
        // A position changed after the outcome does not change the record.
        given().contentType(ContentType.JSON).body("{\"stance\": \"OBJECT\"}").put(positions, id, item, ids.get(1)).then().statusCode(200);
        given().get(outcomes, id, item).then().body("[0].positions.find { it.participantName == '村民代表乙' }.stance", equalTo("AGREE"));
        // Nobody's position taken on the second item: nothing counted, and the record says so.
        given().contentType(ContentType.JSON).body(OUTCOME).post(outcomes, id, second).then().statusCode(201)
                .body("decision.met", org.hamcrest.Matchers.nullValue()).body("decision.notStated", equalTo(5));
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
                .body("allowedActions", equalTo(List.of("RESCHEDULE", "CANCEL", "INVITE", "RSVP", "EDIT_AGENDA")));
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
        quorum(RestAssured::given, id);
        Contracts.assertValid("SessionStarted", value(kafka.await(kafka.topic("sessions"), typeAndSubject("SessionStarted", id), WAIT)));
        given().contentType(ContentType.JSON).body(OUTCOME).post(path + "agenda-items/{item}/outcomes", id, item1)
                .then().statusCode(201).body("late", equalTo(false));
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body("{\"reason\":\"x\"}").header("Accept-Language", "en").post(path + "cancel", id)
                .then().statusCode(409).body("detail", containsString("CONCLUDE"));
        long version = given().get(path, id).then().extract().jsonPath().getLong("version");
        given().header("If-Match", "\"" + version + "\"").post(path + "conclude", id).then().statusCode(200)
                .body("status", equalTo("CONCLUDED")).body("allowedActions", equalTo(List.of("RECORD_OUTCOME", "CORRECT_OUTCOME")));
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
        quorum(RestAssured::given, thirdId);
        String path = "/api/v1/sessions/{id}/agenda-items/{item}/outcomes";
        String kept = given().contentType(ContentType.JSON).body(OUTCOME).post(path, thirdId, third.getString("agenda[0].id")).then().statusCode(201)
                .extract().path("recommendations[0].id");
        given().contentType(ContentType.JSON).body(correction(kept).replace("第三轮协商，", "第三轮协商（更正），")).post(path + "/corrections", thirdId, third.getString("agenda[0].id"))
                .then().statusCode(201).body("version", equalTo(2));
        // Asked from any round, the same chain: first round first, each item with its outcome in force (none yet for the second).
        for (String asked : List.of(first.getString("id"), second, thirdId)) {
            given().get("/api/v1/sessions/{id}/rounds", asked).then().statusCode(200)
                    .body("round", equalTo(List.of(1, 2, 3)))
                    .body("startsAtLocal[0]", equalTo("2026-12-03T14:30:00+08:00"))
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
    void invited_people_answer_and_check_in_and_the_quorum_gates_the_outcome() {
        String village = freshVillage();
        JsonPath session = schedule(village, acceptedTopic(village));
        String id = session.getString("id");
        String item = session.getString("agenda[0].id");
        String wang = "villager-wang-" + UUID.randomUUID();
        String memberSubject = "member-" + UUID.randomUUID();
        String member = DirectoryFixtures.member(kafka, copy, "沈国强", memberSubject, village);
        JsonPath invited = given().contentType(ContentType.JSON).body("""
                {"participants": [
                  {"role": "MEMBER", "memberId": "%s"},
                  {"role": "VILLAGER_REPRESENTATIVE", "name": "王阿大", "subject": "%s", "affiliation": "惠通村三组"},
                  {"role": "DEPARTMENT_OFFICIAL", "name": "农业农村局张科长", "unitCode": "agri-rural"},
                  {"role": "NOTABLE", "name": "乡贤李老师"}, {"role": "EXPERT", "name": "农经站专家"},
                  {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表陈"}]}""".formatted(member, wang))
                .post("/api/v1/sessions/{id}/participants", id).then().statusCode(201)
                .body("name[0]", equalTo("沈国强")).body("subject[0]", equalTo(memberSubject)).body("rsvp", everyItem(equalTo("PENDING")))
                .extract().jsonPath();
        String memberRow = invited.getString("[0].id");
        String wangRow = invited.getString("[1].id");
        // 回执: only the person answers; the organizer cannot answer for them.
        given().contentType(ContentType.JSON).body("{\"answer\": \"ACCEPTED\"}").post("/api/v1/sessions/{id}/participants/{p}/rsvp", id, wangRow)
                .then().statusCode(403).contentType("application/problem+json");
        Api.as(TestTokens.as(Roles.RESIDENT, "330421").subject(wang).token()).contentType(ContentType.JSON).body("{\"answer\": \"ACCEPTED\"}")
                .post("/api/v1/sessions/{id}/participants/{p}/rsvp", id, wangRow).then().statusCode(200).body("rsvp", equalTo("ACCEPTED"));
        Api.as(TestTokens.as(Roles.MEMBER, "330421").subject(memberSubject).token()).contentType(ContentType.JSON)
                .body("{\"answer\": \"DECLINED\", \"note\": \"外出调研\"}")
                .post("/api/v1/sessions/{id}/participants/{p}/rsvp", id, memberRow).then().statusCode(200).body("rsvp", equalTo("DECLINED"));
        // Six invited, one declined: five expected, so the village hall's minimum of five is what counts.
        given().get("/api/v1/sessions/{id}/participants", id).then().statusCode(200)
                .body("invited", equalTo(6)).body("declined", equalTo(1)).body("present", equalTo(0)).body("needed", equalTo(5)).body("quorumMet", equalTo(false));

        given().header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/start", id).then().statusCode(200);
        Api.as(TestTokens.as(Roles.RESIDENT, "330421").subject(wang).token()).contentType(ContentType.JSON).body("{\"answer\": \"DECLINED\"}")
                .post("/api/v1/sessions/{id}/participants/{p}/rsvp", id, wangRow).then().statusCode(409);
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantIds", List.of(invited.getString("[2].id"), invited.getString("[3].id"), invited.getString("[4].id"))))
                .post("/api/v1/sessions/{id}/check-ins", id).then().statusCode(200).body("present", equalTo(3));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(OUTCOME).post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item)
                .then().statusCode(409).contentType("application/problem+json").body("type", containsString("quorum-not-met"))
                .body("detail", containsString("3 present, 5 needed"));

        // 签到 from the phone with the hall's code: a wrong code is refused, someone not invited is refused.
        String code = given().get("/api/v1/sessions/{id}/check-in-code", id).then().statusCode(200).extract().path("code");
        Api.as(TestTokens.as(Roles.RESIDENT, "330421").subject(wang).token()).contentType(ContentType.JSON).body("{\"code\": \"" + (code.equals("000000") ? "111111" : "000000") + "\"}").post("/api/v1/sessions/{id}/check-ins/self", id)
                .then().statusCode(422).body("violations[0].field", equalTo("code"));
        Api.as(TestTokens.as(Roles.RESIDENT, "330421").subject("stranger-" + UUID.randomUUID()).token()).contentType(ContentType.JSON)
                .body("{\"code\": \"" + code + "\"}").post("/api/v1/sessions/{id}/check-ins/self", id).then().statusCode(403);
        Api.as(TestTokens.as(Roles.RESIDENT, "330421").subject(wang).token()).contentType(ContentType.JSON).body("{\"code\": \"" + code + "\"}")
                .post("/api/v1/sessions/{id}/check-ins/self", id).then().statusCode(200).body("checkedInBy", equalTo("SELF"))
                .body("checkedInAt", org.hamcrest.Matchers.notNullValue());
        // A walk-in (a leader who came) is invited during the session and checked in: five present.
        String walkIn = given().contentType(ContentType.JSON).body("{\"participants\": [{\"role\": \"LEADER\", \"name\": \"街道分管领导\"}]}")
                .post("/api/v1/sessions/{id}/participants", id).then().statusCode(201).extract().path("[0].id");
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantIds", List.of(walkIn, invited.getString("[2].id"))))
                .post("/api/v1/sessions/{id}/check-ins", id).then().statusCode(200).body("present", equalTo(5)).body("quorumMet", equalTo(true))
                .body("participants.find { it.id == '%s' }.checkedInBy".formatted(invited.getString("[2].id")), equalTo("ORGANIZER"));
        given().contentType(ContentType.JSON).body(OUTCOME).post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().statusCode(201);
    }

    @Test
    void contributions_are_numbered_in_order_and_the_minutes_tell_the_whole_session() {
        String village = freshVillage();
        JsonPath session = schedule(village, acceptedTopic(village), acceptedTopic(village));
        String id = session.getString("id");
        String item = session.getString("agenda[0].id");
        String wang = "villager-wang-" + UUID.randomUUID();
        List<String> p = given().contentType(ContentType.JSON).body("""
                {"participants": [{"role": "DEPARTMENT_OFFICIAL", "name": "农业农村局张科长", "unitCode": "agri-rural"},
                  {"role": "VILLAGER_REPRESENTATIVE", "name": "王阿大", "subject": "%s"}, {"role": "NOTABLE", "name": "乡贤李老师"},
                  {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表陈"}, {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表周"},
                  {"role": "LEADER", "name": "街道分管领导"}]}""".formatted(wang))
                .post("/api/v1/sessions/{id}/participants", id).then().statusCode(201).extract().path("id");
        String contributions = "/api/v1/sessions/{id}/agenda-items/{item}/contributions";
        String wangsToken = TestTokens.as(Roles.RESIDENT, "330421").subject(wang).token();
        // 书面意见 handed in by its author before the session; nothing is said in the hall before it opens.
        Api.as(wangsToken).contentType(ContentType.JSON).body(java.util.Map.of("participantId", p.get(1), "kind", "WRITTEN_SUBMISSION",
                "summary", "三组有两户确权面积与台账不符，附测量草图。")).post(contributions, id, item).then().statusCode(201).body("sequence", equalTo(1));
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantId", p.get(2), "kind", "SPEECH", "summary", "x"))
                .post(contributions, id, item).then().statusCode(409);
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantIds", p.subList(0, 5))).post("/api/v1/sessions/{id}/check-ins", id).then().statusCode(200);
        given().header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/start", id).then().statusCode(200);
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantId", p.get(2), "kind", "SPEECH", "summary", "建议先实测再确权，避免再起争议。"))
                .post(contributions, id, item).then().statusCode(201).body("sequence", equalTo(2));
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantId", p.get(0), "kind", "DEPARTMENT_RESPONSE",
                "summary", "二轮承包台账已数字化，两周内可完成核对；面积以实测为准。")).post(contributions, id, item)
                .then().statusCode(201).body("sequence", equalTo(3)).body("unitCode", equalTo("agri-rural"));
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantId", p.get(2), "kind", "DEPARTMENT_RESPONSE", "summary", "x"))
                .post(contributions, id, item).then().statusCode(422).body("violations[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantId", p.get(5), "kind", "SPEECH", "summary", "x"))
                .post(contributions, id, item).then().statusCode(409);
        Api.as(wangsToken).contentType(ContentType.JSON).body(java.util.Map.of("participantId", p.get(1), "kind", "SPEECH", "summary", "x"))
                .post(contributions, id, item).then().statusCode(403);
        given().get(contributions, id, item).then().statusCode(200).body("sequence", equalTo(List.of(1, 2, 3)))
                .body("kind", equalTo(List.of("WRITTEN_SUBMISSION", "SPEECH", "DEPARTMENT_RESPONSE")));
        Api.as(wangsToken).contentType(ContentType.JSON).body("{\"stance\": \"AGREE\"}")
                .put("/api/v1/sessions/{id}/agenda-items/{item}/positions/{p}", id, item, p.get(1)).then().statusCode(200);
        given().contentType(ContentType.JSON).body(OUTCOME).post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().statusCode(201);

        // 纪要: a draft for the organizer, nothing for others until the session concludes.
        Api.as(wangsToken).get("/api/v1/sessions/{id}/minutes", id).then().statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/sessions/{id}/minutes", id).then().statusCode(200).body("published", equalTo(false));
        long version = given().get("/api/v1/sessions/{id}", id).then().extract().jsonPath().getLong("version");
        given().header("If-Match", "\"" + version + "\"").post("/api/v1/sessions/{id}/conclude", id).then().statusCode(200);
        Api.as(wangsToken).get("/api/v1/sessions/{id}/minutes", id).then().statusCode(200).contentType(ContentType.JSON)
                .body("published", equalTo(true)).body("attendance.present", equalTo(5)).body("attendance.invited", equalTo(6))
                .body("attendance.absentParticipants.name", equalTo(List.of("街道分管领导")))
                .body("items[0].contributions.participantName", equalTo(List.of("王阿大", "乡贤李老师", "农业农村局张科长")))
                .body("items[0].outcome.decision.inFavour", equalTo(1)).body("items[0].outcome.recommendations", hasSize(2))
                .body("items[1].outcome", org.hamcrest.Matchers.nullValue());
        String markdown = Api.as(wangsToken).accept("text/markdown").get("/api/v1/sessions/{id}/minutes", id).then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        for (String expected : List.of("# 惠通村民生议事堂2026年第8次协商 纪要", "2026年12月3日 14:30", "实到 5 人", "请假 0 人",
                "3. **农业农村局张科长**（部门回应，agri-rural）：二轮承包台账已数字化", "**协商意见**（第1版）", "赞成 1", "- 建议1：核对二轮承包台账",
                "承办：县农业农村局，时限：2027-01-31", "**协商意见**：未形成")) {
            assertTrue(markdown.contains(expected), "the Markdown minutes contain \"" + expected + "\":\n" + markdown);
        }
    }

    @Test
    void the_agenda_is_edited_while_scheduled_and_SessionScheduled_carries_it() {
        String village = freshVillage();
        String a = acceptedTopic(village);
        String b = acceptedTopic(village);
        String c = acceptedTopic(village);
        JsonPath session = schedule(village, a, b);
        String id = session.getString("id");
        String itemB = session.getString("agenda[1].id");
        String agenda = "/api/v1/sessions/{id}/agenda";
        String edit = """
                {"items": [{"agendaItemId": "%s", "plannedMinutes": 30, "rapporteur": "惠通村村委会主任"},
                  {"title": "村务情况通报", "plannedMinutes": 10}, {"topicId": "%s"}]}""".formatted(itemB, c);
        given().contentType(ContentType.JSON).body(edit).put(agenda, id).then().statusCode(428);
        JsonPath edited = given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edit).put(agenda, id).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.startsWith("\"1-"))
                .body("agenda.position", equalTo(List.of(1, 2, 3)))
                .body("agenda[0].id", equalTo(itemB)).body("agenda[0].plannedMinutes", equalTo(30)).body("agenda[0].rapporteur", equalTo("惠通村村委会主任"))
                .body("agenda[1].topicId", org.hamcrest.Matchers.nullValue()).body("agenda[1].topicTitle", equalTo("村务情况通报"))
                .body("agenda[2].topicId", equalTo(c)).extract().jsonPath();
        // A phone that holds the edited session re-checks it with the ETag it has: 304, no body.
        String etag = given().get("/api/v1/sessions/{id}", id).then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"1-"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/sessions/{id}", id).then().statusCode(304).body(equalTo(""));
        // Republished with the new agenda: topics only (a free item concerns none), so topics-service gives A back and schedules C.
        String event = value(kafka.await(kafka.topic("sessions"), r -> "SessionScheduled".equals(header(r, "ce_type")) && id.equals(header(r, "ce_subject"))
                && value(r).contains(c), WAIT));
        Contracts.assertValid("SessionScheduled", event);
        assertEquals(List.of(b, c), JsonPath.from(event).getList("agenda.topicId"));

        // Refused lines, each named; nothing changes.
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("""
                {"items": [{"agendaItemId": "%s", "title": "两样都给"}, {"topicId": "%s"}, {"agendaItemId": "%s"}, {}]}"""
                        .formatted(itemB, UUID.randomUUID(), UUID.randomUUID()))
                .put(agenda, id).then().statusCode(422).body("violations.field", equalTo(List.of("items[0]", "items[1].topicId", "items[2].agendaItemId", "items[3]")));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"items\": [{\"topicId\": \"%s\"}, {\"agendaItemId\": \"%s\"}]}".formatted(b, itemB))
                .put(agenda, id).then().statusCode(422);
        // An item with a written submission stays.
        List<String> people = quorum(RestAssured::given, id);
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantId", people.get(0), "kind", "WRITTEN_SUBMISSION", "summary", "书面意见"))
                .post("/api/v1/sessions/{id}/agenda-items/{item}/contributions", id, edited.getString("agenda[2].id")).then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"items\": [{\"agendaItemId\": \"%s\"}]}".formatted(itemB))
                .put(agenda, id).then().statusCode(409);

        // 并案 after it was put on the agenda: the item says so.
        String merged = """
                {"topicId": "%s", "number": "YT-2026-0051", "survivorId": "%s", "survivorNumber": "YT-2026-0042", "note": "同一事项", "mergedAt": "2026-11-22T04:00:00Z"}
                """.formatted(b, a);
        Contracts.assertValid("TopicMerged", merged);
        kafka.send(kafka.topic("topics"), b, "TopicMerged", "/shangliang/topics-service", merged);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/sessions/{id}", id).then()
                .body("agenda[0].mergedIntoTopicId", equalTo(a)).body("agenda[0].mergedIntoNumber", equalTo("YT-2026-0042")));

        // In the hall: a free item has no outcome, and the agenda is fixed.
        given().header("If-Match", "\"1\"").post("/api/v1/sessions/{id}/start", id).then().statusCode(200);
        given().contentType(ContentType.JSON).body(OUTCOME).post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, edited.getString("agenda[1].id"))
                .then().statusCode(409);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").header("Accept-Language", "en").body(edit).put(agenda, id)
                .then().statusCode(409).body("detail", containsString("CONCLUDE"));
    }

    @Test
    void lists_narrow_by_type_start_time_topic_and_participant() {
        String village = freshVillage();
        String s1 = schedule(village, acceptedTopic(village)).getString("id");
        String s2 = given().contentType(ContentType.JSON).body(sessionBody(village, acceptedTopic(village))
                .replace("VILLAGE_HALL", "FORUM").replace("2026-12-03T06:30:00Z", "2027-02-01T06:30:00Z")).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        String topic = acceptedTopic(village);
        String s3 = schedule(village, topic).getString("id");
        String person = "villager-list-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{\"participants\": [{\"role\": \"EXPERT\", \"name\": \"专家\", \"subject\": \"" + person + "\"}]}")
                .post("/api/v1/sessions/{id}/participants", s3).then().statusCode(201);
        String list = "/api/v1/sessions";
        given().queryParam("territory", village).get(list).then().statusCode(200).body("items.id", equalTo(List.of(s3, s2, s1)));
        given().queryParam("territory", village).queryParam("type", "FORUM").get(list).then().body("items.id", equalTo(List.of(s2)));
        given().queryParam("territory", village).queryParam("from", "2027-01-01T00:00:00Z").get(list).then().body("items.id", equalTo(List.of(s2)));
        given().queryParam("territory", village).queryParam("to", "2027-01-01T00:00:00Z").get(list).then().body("items.id", equalTo(List.of(s3, s1)));
        given().queryParam("topicId", topic).get(list).then().body("items.id", equalTo(List.of(s3)));
        given().queryParam("participant", person).get(list).then().body("items.id", equalTo(List.of(s3)));
        Api.as(TestTokens.as(Roles.RESIDENT, "330421").subject(person).token()).queryParam("participant", "me").get(list).then().body("items.id", equalTo(List.of(s3)));
        given().queryParam("from", "2027-01-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z").get(list).then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("to"));
        given().queryParam("from", "下周").get(list).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void statistics_count_a_townships_sessions_attendance_contributions_and_consensus() {
        String township = "330421" + (100 + ThreadLocalRandom.current().nextInt(900));
        String village = DirectoryFixtures.territory(kafka, copy, township + "201", false);
        JsonPath held = schedule(village, acceptedTopic(village));
        String id = held.getString("id");
        List<String> people = quorum(RestAssured::given, id);
        String official = given().contentType(ContentType.JSON).body("{\"participants\": [{\"role\": \"DEPARTMENT_OFFICIAL\", \"name\": \"张科长\", \"unitCode\": \"agri-rural\"}]}")
                .post("/api/v1/sessions/{id}/participants", id).then().statusCode(201).extract().path("[0].id");
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantIds", List.of(official))).post("/api/v1/sessions/{id}/check-ins", id).then().statusCode(200);
        given().header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/start", id).then().statusCode(200);
        String contributions = "/api/v1/sessions/{id}/agenda-items/{item}/contributions";
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantId", people.get(0), "kind", "SPEECH", "summary", "发言")).post(contributions, id, held.getString("agenda[0].id")).then().statusCode(201);
        given().contentType(ContentType.JSON).body(java.util.Map.of("participantId", official, "kind", "DEPARTMENT_RESPONSE", "summary", "回应")).post(contributions, id, held.getString("agenda[0].id")).then().statusCode(201);
        given().contentType(ContentType.JSON).body(OUTCOME).post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, held.getString("agenda[0].id")).then().statusCode(201);
        long version = given().get("/api/v1/sessions/{id}", id).then().extract().jsonPath().getLong("version");
        given().header("If-Match", "\"" + version + "\"").post("/api/v1/sessions/{id}/conclude", id).then().statusCode(200);
        String cancelled = schedule(village, acceptedTopic(village)).getString("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\": \"台风\"}").post("/api/v1/sessions/{id}/cancel", cancelled).then().statusCode(200);

        given().queryParam("year", 2026).queryParam("territory", township).get("/api/v1/sessions/statistics").then().statusCode(200)
                .body("rows", hasSize(1)).body("rows[0].township", equalTo(township)).body("rows[0].type", equalTo("VILLAGE_HALL"))
                .body("rows[0].scheduled", equalTo(1)).body("rows[0].held", equalTo(1)).body("rows[0].cancelled", equalTo(1))
                .body("rows[0].expected", equalTo(6)).body("rows[0].present", equalTo(6)).body("rows[0].attendanceRate", equalTo(1.0f))
                .body("rows[0].speeches", equalTo(1)).body("rows[0].departmentResponses", equalTo(1))
                .body("rows[0].outcomes", equalTo(1)).body("rows[0].consensusOutcomes", equalTo(1)).body("rows[0].consensusShare", equalTo(1.0f));
        given().queryParam("year", 2025).queryParam("territory", township).get("/api/v1/sessions/statistics").then().statusCode(200).body("rows", hasSize(0));
        Api.as(TestTokens.as(Roles.ORGANIZER, "330421001").token()).queryParam("year", 2026).queryParam("territory", township)
                .get("/api/v1/sessions/statistics").then().statusCode(403);
        Api.as(TestTokens.as(Roles.RESIDENT, "330421").token()).queryParam("year", 2026).get("/api/v1/sessions/statistics").then().statusCode(403);
        given().get("/api/v1/sessions/statistics").then().statusCode(400).body("violations[0].field", equalTo("year"));
    }

    @Test
    void an_invitation_line_that_names_no_one_or_an_unknown_unit_is_a_422_naming_the_line_and_nothing_is_invited() {
        String village = freshVillage();
        String id = schedule(village, acceptedTopic(village)).getString("id");
        given().contentType(ContentType.JSON).body("""
                {"participants": [{"role": "NOTABLE", "name": "乡贤"}, {"role": "MEMBER", "name": "没有编号"},
                  {"role": "DEPARTMENT_OFFICIAL", "name": "某科长"}, {"role": "DEPARTMENT_OFFICIAL", "name": "某科长", "unitCode": "no-such-unit"},
                  {"role": "EXPERT"}]}""")
                .post("/api/v1/sessions/{id}/participants", id).then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("participants[1].memberId", "participants[2].unitCode", "participants[3].unitCode", "participants[4].name")));
        given().get("/api/v1/sessions/{id}/participants", id).then().body("invited", equalTo(0));
    }

    @Test
    void a_person_invited_to_an_overlapping_session_is_refused_unless_the_organizer_confirms() throws Exception {
        String village = freshVillage();
        String first = schedule(village, acceptedTopic(village)).getString("id");
        String overlapping = given().contentType(ContentType.JSON).body(sessionBody(village, acceptedTopic(village))
                        .replace("\"startsAt\": \"2026-12-03T06:30:00Z\"", "\"startsAt\": \"2026-12-03T07:30:00Z\", \"endsAt\": \"2026-12-03T09:00:00Z\""))
                .post("/api/v1/sessions").then().statusCode(201).body("startsAtLocal", equalTo("2026-12-03T15:30:00+08:00"))
                .body("endsAtLocal", equalTo("2026-12-03T17:00:00+08:00")).extract().path("id");
        String nextDay = given().contentType(ContentType.JSON).body(sessionBody(village, acceptedTopic(village)).replace("2026-12-03T06:30:00Z", "2026-12-04T06:30:00Z"))
                .post("/api/v1/sessions").then().statusCode(201).body("endsAt", equalTo("2026-12-04T08:30:00Z")).extract().path("id");
        String person = "{\"participants\": [{\"role\": \"EXPERT\", \"name\": \"农经站专家\", \"subject\": \"expert-" + UUID.randomUUID() + "\"}]%s}";
        given().contentType(ContentType.JSON).body(person.formatted("")).post("/api/v1/sessions/{id}/participants", first).then().statusCode(201);
        given().contentType(ContentType.JSON).body(person.formatted("")).post("/api/v1/sessions/{id}/participants", first)
                .then().statusCode(409).body("type", containsString("already-invited"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(person.formatted("")).post("/api/v1/sessions/{id}/participants", overlapping)
                .then().statusCode(409).contentType("application/problem+json").body("type", containsString("double-booked"))
                .body("detail", containsString(first)).body("detail", containsString("2026-12-03 14:30–16:30"))
                .body("violations[0].field", equalTo("participants[0]"));
        given().contentType(ContentType.JSON).body(person.formatted("")).post("/api/v1/sessions/{id}/participants", nextDay).then().statusCode(201);
        given().contentType(ContentType.JSON).body(person.formatted(", \"confirmOverlap\": true")).post("/api/v1/sessions/{id}/participants", overlapping)
                .then().statusCode(201).body("[0].overlapConfirmedWith", equalTo(first));

        // Two organizers inviting the same person to two overlapping sessions at the same moment: one wins.
        String a = schedule(village, acceptedTopic(village)).getString("id");
        String b = schedule(village, acceptedTopic(village)).getString("id");
        String racer = person.formatted("").replace("expert-", "racer-");
        List<Integer> statuses = atOnce(List.of(a, b).stream().<Supplier<Integer>>map(session ->
                () -> given().contentType(ContentType.JSON).body(racer).post("/api/v1/sessions/{id}/participants", session).statusCode()).toList());
        assertEquals(List.of(201, 409), statuses.stream().sorted().toList());
    }

    @Test
    void an_end_before_the_start_is_a_422_naming_endsAt() {
        String village = freshVillage();
        given().contentType(ContentType.JSON).body(sessionBody(village, acceptedTopic(village))
                        .replace("\"startsAt\": \"2026-12-03T06:30:00Z\"", "\"startsAt\": \"2026-12-03T06:30:00Z\", \"endsAt\": \"2026-12-03T06:00:00Z\""))
                .post("/api/v1/sessions").then().statusCode(422).contentType("application/problem+json").body("violations[0].field", equalTo("endsAt"));
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
                .then().statusCode(200).body("status", equalTo("CANCELLED")).header("ETag", org.hamcrest.Matchers.startsWith("\"1-"));
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
