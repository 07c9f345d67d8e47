package org.shangliang.sessions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
        List<String> organizers = List.of(ORGANIZER, CPPCC_STAFF);
        for (String role : Roles.ALL) {
            String token = TestTokens.as(role, JIASHAN).subject(role + "-matrix").token();
            expect(role, as(token).get("/api/v1/consultable-topics").statusCode(), true, "list consultable topics");
            expect(role, as(token).get("/api/v1/sessions").statusCode(), true, "list sessions");
            expect(role, as(token).get("/api/v1/sessions/{id}", session).statusCode(), true, "read a session");
            expect(role, as(token).get("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", session, item).statusCode(), true, "read outcomes");
            expect(role, as(token).get("/api/v1/sessions/{id}/rounds", session).statusCode(), true, "read the rounds");
            String fresh = acceptedTopic(territory);
            expect(role, as(token).contentType(ContentType.JSON).body(body(territory, fresh)).post("/api/v1/sessions").statusCode(),
                    organizers.contains(role), "schedule");
            expect(role, as(token).contentType(ContentType.JSON).body(SessionFlowTest.OUTCOME)
                    .post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", session, item).statusCode(), organizers.contains(role), "record an outcome");
            String cancellable = as(STAFF).contentType(ContentType.JSON).body(body(territory, fresh)).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
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
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\":\"改期\"}")
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
