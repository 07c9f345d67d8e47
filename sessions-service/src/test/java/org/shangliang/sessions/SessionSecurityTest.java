package org.shangliang.sessions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.testing.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.DirectoryFixtures;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** Who may organize which session, and the role matrix of sessions-service. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class SessionSecurityTest {

    static final String JIASHAN = "330421";
    static final String HUIMIN_STREET = "330421003";
    static final String WEITANG_STREET = "330421001";
    static final String STAFF = TestTokens.as(CPPCC_STAFF, JIASHAN).token();
    static final String HUIMIN_ORGANIZER = TestTokens.as(ORGANIZER, HUIMIN_STREET).name("惠民街道联络室").token();
    static final String WEITANG_ORGANIZER = TestTokens.as(ORGANIZER, WEITANG_STREET).token();

    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
    @jakarta.inject.Inject org.shangliang.commons.events.ReferenceCopy copy;

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
        SessionFlowTest.unitsInDirectory(kafka, copy);
    }

    String acceptedTopic(String village) {
        String topic = UUID.randomUUID().toString();
        kafka.send(kafka.topic("topics"), topic, "TopicAccepted", "/shangliang/topics-service", """
                {"topicId": "%s", "number": "YT-2026-%04d", "title": "村道提升改造", "territoryCode": "%s", "level": "VILLAGE", "acceptedAt": "2026-11-21T01:00:00Z"}
                """.formatted(topic, ThreadLocalRandom.current().nextInt(10000), village));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(STAFF).queryParam("territory", village).get("/api/v1/consultable-topics")
                .then().body("items.topicId", hasItem(topic)));
        return topic;
    }

    /** A village of the township, in this service's copy of the directory. */
    String village(String township) {
        return DirectoryFixtures.territory(kafka, copy, township + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)), false);
    }

    static String body(String territory, String topic) {
        return SessionFlowTest.sessionBody(territory, topic);
    }

    @Test
    void without_a_token_nothing_but_health_and_openapi() {
        given().get("/api/v1/sessions").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/consultable-topics").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void an_organizer_organizes_only_in_their_township() {
        String huiminVillage = village(HUIMIN_STREET);
        String topic = acceptedTopic(huiminVillage);
        as(WEITANG_ORGANIZER).contentType(ContentType.JSON).body(body(huiminVillage, topic)).post("/api/v1/sessions")
                .then().statusCode(403).contentType("application/problem+json");
        String session = as(HUIMIN_ORGANIZER).contentType(ContentType.JSON).body(body(huiminVillage, topic)).post("/api/v1/sessions")
                .then().statusCode(201).extract().path("id");
        String item = as(HUIMIN_ORGANIZER).get("/api/v1/sessions/{id}", session).then().extract().path("agenda[0].id");
        as(WEITANG_ORGANIZER).header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/start", session).then().statusCode(403);
        as(HUIMIN_ORGANIZER).header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/start", session).then().statusCode(200);
        SessionFlowTest.quorum(() -> as(HUIMIN_ORGANIZER), session);
        as(WEITANG_ORGANIZER).contentType(ContentType.JSON).body(SessionFlowTest.OUTCOME)
                .post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", session, item).then().statusCode(403);
        as(WEITANG_ORGANIZER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"x\"}")
                .post("/api/v1/sessions/{id}/postpone", session).then().statusCode(403);
        as(WEITANG_ORGANIZER).get("/api/v1/sessions/{id}", session).then().statusCode(200); // sessions are public
        as(HUIMIN_ORGANIZER).contentType(ContentType.JSON).body(SessionFlowTest.OUTCOME)
                .post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", session, item).then().statusCode(201)
                .body("recordedBy", equalTo("惠民街道联络室"));
    }

    @Test
    void an_internal_session_is_seen_only_by_its_participants_and_the_staff_of_its_territory() {
        String huitong = village(HUIMIN_STREET);
        String participant = "villager-internal-" + UUID.randomUUID();
        String internal = as(HUIMIN_ORGANIZER).contentType(ContentType.JSON)
                .body(body(huitong, acceptedTopic(huitong)).replace("\"agenda\"", "\"visibility\": \"INTERNAL\", \"agenda\""))
                .post("/api/v1/sessions").then().statusCode(201).body("visibility", equalTo("INTERNAL")).extract().path("id");
        String item = as(HUIMIN_ORGANIZER).get("/api/v1/sessions/{id}", internal).then().statusCode(200).extract().path("agenda[0].id");
        as(HUIMIN_ORGANIZER).contentType(ContentType.JSON)
                .body("{\"participants\": [{\"role\": \"VILLAGER_REPRESENTATIVE\", \"name\": \"村民代表\", \"subject\": \"" + participant + "\"}]}")
                .post("/api/v1/sessions/{id}/participants", internal).then().statusCode(201);
        String theParticipant = TestTokens.as(Roles.RESIDENT, huitong).subject(participant).token();
        String aNeighbour = TestTokens.as(Roles.RESIDENT, huitong).subject("neighbour-" + UUID.randomUUID()).token();
        String aLeaderElsewhere = TestTokens.as(LEADER, WEITANG_STREET).token();
        for (String seer : List.of(HUIMIN_ORGANIZER, STAFF, theParticipant, TestTokens.as(LEADER, JIASHAN).token())) {
            as(seer).get("/api/v1/sessions/{id}", internal).then().statusCode(200);
            as(seer).get("/api/v1/sessions/{id}/participants", internal).then().statusCode(200);
            as(seer).get("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", internal, item).then().statusCode(200);
            as(seer).queryParam("territory", huitong).get("/api/v1/sessions").then().statusCode(200).body("items.id", hasItem(internal));
        }
        for (String stranger : List.of(aNeighbour, WEITANG_ORGANIZER, aLeaderElsewhere)) {
            as(stranger).get("/api/v1/sessions/{id}", internal).then().statusCode(404).contentType("application/problem+json");
            as(stranger).get("/api/v1/sessions/{id}/participants", internal).then().statusCode(404);
            as(stranger).get("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", internal, item).then().statusCode(404);
            as(stranger).get("/api/v1/sessions/{id}/agenda-items/{item}/positions", internal, item).then().statusCode(404);
            as(stranger).get("/api/v1/sessions/{id}/rounds", internal).then().statusCode(404);
            as(stranger).queryParam("territory", huitong).get("/api/v1/sessions").then().statusCode(200).body("items.id", not(hasItem(internal)));
        }
        // A public round continued by an internal one: strangers see the chain without it.
        String next = as(HUIMIN_ORGANIZER).contentType(ContentType.JSON).body(body(huitong, acceptedTopic(huitong))
                .replace("\"agenda\"", "\"previousRoundId\": \"" + internal + "\", \"agenda\"")).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        as(aNeighbour).get("/api/v1/sessions/{id}/rounds", next).then().statusCode(200).body("sessionId", equalTo(List.of(next)));
        as(HUIMIN_ORGANIZER).get("/api/v1/sessions/{id}/rounds", next).then().statusCode(200).body("sessionId", equalTo(List.of(internal, next)));
    }

    @Test
    void a_village_hall_takes_only_its_own_villages_topics() {
        String huitong = village(HUIMIN_STREET);
        String otherVillageTopic = acceptedTopic(village(HUIMIN_STREET));
        as(HUIMIN_ORGANIZER).contentType(ContentType.JSON).body(body(huitong, otherVillageTopic)).post("/api/v1/sessions")
                .then().statusCode(422).body("violations[0].field", equalTo("agenda[0]"));
    }

    @Test
    void role_matrix_every_endpoint_every_role() {
        String territory = village(HUIMIN_STREET);
        String topic = acceptedTopic(territory);
        String session = as(STAFF).contentType(ContentType.JSON).body(body(territory, topic)).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        String item = as(STAFF).get("/api/v1/sessions/{id}", session).then().extract().path("agenda[0].id");
        as(STAFF).header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/start", session).then().statusCode(200);
        SessionFlowTest.quorum(() -> as(STAFF), session);
        List<String> organizers = List.of(ORGANIZER, CPPCC_STAFF);
        for (String role : Roles.ALL) {
            String subject = role + "-matrix-" + UUID.randomUUID(); // fresh: the test database keeps earlier runs' invitations
            String token = TestTokens.as(role, JIASHAN).subject(subject).token();
            expect(role, as(token).get("/api/v1/consultable-topics").statusCode(), true, "list consultable topics");
            expect(role, as(token).get("/api/v1/sessions").statusCode(), true, "list sessions");
            expect(role, as(token).queryParam("territory", territory).get("/api/v1/sessions/changes").statusCode(),
                    List.of(ORGANIZER, CPPCC_STAFF, LEADER).contains(role), "sync a territory's sessions (change feed)");
            expect(role, as(token).get("/api/v1/sessions/{id}", session).statusCode(), true, "read a session");
            expect(role, as(token).get("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", session, item).statusCode(), true, "read outcomes");
            expect(role, as(token).get("/api/v1/sessions/{id}/rounds", session).statusCode(), true, "read the rounds");
            expect(role, as(token).queryParam("year", 2026).get("/api/v1/sessions/statistics").statusCode(), List.of(ORGANIZER, CPPCC_STAFF, LEADER).contains(role),
                    "read statistics");
            expect(role, as(token).get("/api/v1/sessions/{id}/participants", session).statusCode(), true, "list participants");
            expect(role, as(token).get("/api/v1/sessions/{id}/check-in-code", session).statusCode(), organizers.contains(role), "read the check-in code");
            String fresh = acceptedTopic(territory);
            expect(role, as(token).contentType(ContentType.JSON).body(body(territory, fresh)).post("/api/v1/sessions").statusCode(),
                    organizers.contains(role), "schedule");
            // An item is recorded once: each role gets a session of its own, opened with a quorum present.
            String open = as(STAFF).contentType(ContentType.JSON).body(body(territory, acceptedTopic(territory))).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
            String openItem = as(STAFF).get("/api/v1/sessions/{id}", open).then().extract().path("agenda[0].id");
            List<String> present = SessionFlowTest.quorum(() -> as(STAFF), open);
            as(STAFF).header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/start", open).then().statusCode(200);
            String item2 = "/api/v1/sessions/{id}/agenda-items/{item}";
            expect(role, as(token).contentType(ContentType.JSON).body("{\"stance\": \"AGREE\"}").put(item2 + "/positions/{p}", open, openItem, present.get(0)).statusCode(),
                    organizers.contains(role), "state a position on someone's behalf");
            expect(role, as(token).get(item2 + "/positions", open, openItem).statusCode(), true, "list positions");
            expect(role, as(token).contentType(ContentType.JSON).body(java.util.Map.of("participantId", present.get(0), "kind", "SPEECH", "summary", "发言"))
                    .post(item2 + "/contributions", open, openItem).statusCode(), organizers.contains(role), "record a speech");
            expect(role, as(token).get(item2 + "/contributions", open, openItem).statusCode(), true, "list contributions");
            // Draft minutes: the staff of the territory read them; for anyone else they are not yet published (409).
            assertEquals(List.of(ORGANIZER, CPPCC_STAFF, LEADER).contains(role) ? 200 : 409, as(token).get("/api/v1/sessions/{id}/minutes", open).statusCode(),
                    role + " reading draft minutes");
            expect(role, as(token).contentType(ContentType.JSON).body(SessionFlowTest.OUTCOME).post(item2 + "/outcomes", open, openItem).statusCode(),
                    organizers.contains(role), "record an outcome");
            if (!organizers.contains(role)) as(STAFF).contentType(ContentType.JSON).body(SessionFlowTest.OUTCOME).post(item2 + "/outcomes", open, openItem).then().statusCode(201);
            String kept = as(STAFF).get(item2 + "/outcomes", open, openItem).then().extract().path("[0].recommendations[0].id");
            expect(role, as(token).contentType(ContentType.JSON).body(SessionFlowTest.correction(kept)).post(item2 + "/outcomes/corrections", open, openItem).statusCode(),
                    organizers.contains(role), "correct an outcome");
            String cancellable = as(STAFF).contentType(ContentType.JSON).body(body(territory, fresh)).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
            expect(role, as(token).contentType(ContentType.JSON).body("{\"participants\": [{\"role\": \"EXPERT\", \"name\": \"农经专家\"}]}")
                    .post("/api/v1/sessions/{id}/participants", cancellable).statusCode(), organizers.contains(role), "invite");
            String me = as(STAFF).contentType(ContentType.JSON).body("{\"participants\": [{\"role\": \"VILLAGER_REPRESENTATIVE\", \"name\": \"本人\", \"subject\": \"" + subject + "\"}]}")
                    .post("/api/v1/sessions/{id}/participants", cancellable).then().statusCode(201).extract().path("[0].id");
            expect(role, as(token).contentType(ContentType.JSON).body("{\"answer\": \"ACCEPTED\"}")
                    .post("/api/v1/sessions/{id}/participants/{p}/rsvp", cancellable, me).statusCode(), true, "answer their own invitation");
            String code = as(STAFF).get("/api/v1/sessions/{id}/check-in-code", cancellable).then().statusCode(200).extract().path("code");
            expect(role, as(token).contentType(ContentType.JSON).body("{\"code\": \"" + code + "\"}")
                    .post("/api/v1/sessions/{id}/check-ins/self", cancellable).statusCode(), true, "check themselves in");
            expect(role, as(token).contentType(ContentType.JSON).body("{\"participantIds\": [\"" + me + "\"]}")
                    .post("/api/v1/sessions/{id}/check-ins", cancellable).statusCode(), organizers.contains(role), "check others in");
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\":\"改期\"}")
                    .post("/api/v1/sessions/{id}/postpone", cancellable).statusCode(), organizers.contains(role), "postpone");
            // Each move from where it is allowed; a refused role leaves the session where it was.
            int v = as(STAFF).get("/api/v1/sessions/{id}", cancellable).then().extract().path("version");
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"" + v + "\"").body("{\"startsAt\":\"2026-12-10T06:30:00Z\"}")
                    .post("/api/v1/sessions/{id}/reschedule", cancellable).statusCode(), organizers.contains(role), "reschedule");
            v = as(STAFF).get("/api/v1/sessions/{id}", cancellable).then().extract().path("version");
            expect(role, as(token).header("If-Match", "\"" + v + "\"").post("/api/v1/sessions/{id}/start", cancellable).statusCode(),
                    organizers.contains(role), "start");
            v = as(STAFF).get("/api/v1/sessions/{id}", cancellable).then().extract().path("version");
            if (!organizers.contains(role)) as(STAFF).header("If-Match", "\"" + v + "\"").post("/api/v1/sessions/{id}/start", cancellable).then().statusCode(200);
            v = as(STAFF).get("/api/v1/sessions/{id}", cancellable).then().extract().path("version");
            expect(role, as(token).header("If-Match", "\"" + v + "\"").post("/api/v1/sessions/{id}/conclude", cancellable).statusCode(),
                    organizers.contains(role), "conclude");
            String other = as(STAFF).contentType(ContentType.JSON).body(body(territory, acceptedTopic(territory))).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"items\": [{\"title\": \"村务情况通报\"}]}")
                    .put("/api/v1/sessions/{id}/agenda", other).statusCode(), organizers.contains(role), "edit the agenda");
            int otherVersion = as(STAFF).get("/api/v1/sessions/{id}", other).then().extract().path("version");
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"" + otherVersion + "\"").body("{\"reason\":\"改期\"}")
                    .post("/api/v1/sessions/{id}/cancel", other).statusCode(), organizers.contains(role), "cancel");
            expect(role, as(token).get("/api/v1/audit").statusCode(), List.of(CPPCC_STAFF, LEADER).contains(role), "read audit");
        }
    }

    @Test
    void scheduling_and_recording_are_audited() {
        String territory = village(HUIMIN_STREET);
        String session = as(HUIMIN_ORGANIZER).contentType(ContentType.JSON).body(body(territory, acceptedTopic(territory)))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        as(STAFF).queryParam("targetId", session).get("/api/v1/audit").then().statusCode(200)
                .body("items[0].action", equalTo("session.schedule")).body("items[0].actor", equalTo("organizer@" + HUIMIN_STREET));
    }

    private static void expect(String role, int status, boolean allowed, String what) {
        if (allowed) assertTrue(status >= 200 && status < 300, role + " may " + what + " but got " + status);
        else assertTrue(status == 403 || status == 404, role + " may not " + what + " but got " + status);
    }
}
