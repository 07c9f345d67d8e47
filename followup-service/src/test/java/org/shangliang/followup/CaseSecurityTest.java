package org.shangliang.followup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.GRID_WORKER;
import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.RESIDENT;
import static org.shangliang.commons.security.Roles.HANDLER;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** A department acts only on its own cases; organizers follow their own township's; the role matrix. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class CaseSecurityTest {

    static final String STAFF = TestTokens.as(CPPCC_STAFF, "330421").token();
    static final String AGRI_CLERK = CaseFlowTest.AGRI_CLERK;
    static final String WATER_CLERK = TestTokens.as(HANDLER, "330421").unit("water").subject("clerk@water").token();
    static final String HUIMIN_ORGANIZER = TestTokens.as(ORGANIZER, "330421003").token();
    static final String WEITANG_ORGANIZER = TestTokens.as(ORGANIZER, "330421001").token();

    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
    @jakarta.inject.Inject org.shangliang.commons.events.ReferenceCopy copy;

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
        CaseFlowTest.units(kafka, copy);
    }

    /** A case of the agricultural department from a Huitong village session. */
    String agriCase() {
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service",
                CaseFlowTest.outcome(session, topic, 1, UUID.randomUUID().toString()));
        return await().atMost(Duration.ofSeconds(20)).until(() -> as(STAFF).queryParam("topicId", topic).get("/api/v1/cases")
                .then().extract().<List<String>>path("items.id"), ids -> ids.size() == 1).get(0);
    }

    @Test
    void a_handler_acts_only_on_cases_of_their_own_unit() {
        String id = agriCase();
        as(WATER_CLERK).get("/api/v1/cases/{id}", id).then().statusCode(404).contentType("application/problem+json");
        as(WATER_CLERK).get("/api/v1/cases/{id}/history", id).then().statusCode(404).contentType("application/problem+json");
        as(WATER_CLERK).header("If-Match", "\"0\"").post("/api/v1/cases/{id}/sign", id).then().statusCode(404);
        as(WATER_CLERK).get("/api/v1/cases").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(AGRI_CLERK).get("/api/v1/cases").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.leadUnit.every { it == '县农业农村局' }", equalTo(true));
        as(AGRI_CLERK).header("If-Match", "\"0\"").post("/api/v1/cases/{id}/sign", id).then().statusCode(200);
    }

    @Test
    void organizers_follow_only_their_townships_cases_and_do_not_sign() {
        String id = agriCase(); // from a Huimin street village session
        as(HUIMIN_ORGANIZER).get("/api/v1/cases/{id}", id).then().statusCode(200);
        as(WEITANG_ORGANIZER).get("/api/v1/cases/{id}", id).then().statusCode(404);
        as(HUIMIN_ORGANIZER).header("If-Match", "\"0\"").post("/api/v1/cases/{id}/sign", id).then().statusCode(403);
    }

    @Test
    void without_a_token_401() {
        given().get("/api/v1/cases").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void role_matrix_every_endpoint_every_role() {
        List<String> followers = List.of(CPPCC_STAFF, LEADER, ORGANIZER, HANDLER);
        List<String> everyoneButIntegration = List.of(RESIDENT, MEMBER, GRID_WORKER, CPPCC_STAFF, LEADER, ORGANIZER, HANDLER);
        for (String role : Roles.ALL) {
            String id = agriCase();
            String extension = as(AGRI_CLERK).contentType(ContentType.JSON).body("{\"workingDays\": 5, \"reason\": \"矩阵\"}")
                    .post("/api/v1/cases/{id}/extension-requests", id).then().statusCode(201).extract().path("id");
            String token = TestTokens.as(role, "330421").unit("agri-rural").subject(role + "-matrix").token();
            // Residents and members may list: they see the cases of their own topics and sessions (none here).
            expect(role, as(token).get("/api/v1/cases").statusCode(), everyoneButIntegration.contains(role), "list cases");
            expect(role, as(token).queryParam("territory", "330421003").get("/api/v1/cases/changes").statusCode(),
                    List.of(CPPCC_STAFF, LEADER, ORGANIZER).contains(role), "sync a territory's cases (change feed)");
            expect(role, as(token).get("/api/v1/cases/{id}", id).statusCode(), followers.contains(role), "read a case");
            expect(role, as(token).get("/api/v1/cases/{id}/history", id).statusCode(), followers.contains(role), "read a case's history");
            expect(role, as(token).get("/api/v1/cases/{id}/progress", id).statusCode(), followers.contains(role), "read a case's progress");
            expect(role, as(token).get("/api/v1/cases/{id}/evaluations", id).statusCode(), followers.contains(role), "read a case's evaluations");
            // The lead unit's moves, staff's moves, a co-handler's moves (this unit is not one), evaluation (nobody here may).
            for (String move : List.of("sign", "return-request", "progress", "reply")) {
                expect(role, post(token, id, move), role.equals(HANDLER), move);
            }
            for (String move : List.of("reassign", "insist", "reply/approval", "reply/send-back", "redo", "close")) {
                expect(role, post(token, id, move), role.equals(CPPCC_STAFF), move);
            }
            for (String move : List.of("part/sign", "part/report", "evaluations")) {
                expect(role, post(token, id, move), false, move);
            }
            expect(role, post(token, id, "supervision"), role.equals(LEADER), "supervise");
            expect(role, post(token, id, "reminders"), role.equals(CPPCC_STAFF), "remind");
            expect(role, as(token).contentType(ContentType.JSON).body("{\"workingDays\": 5, \"reason\": \"矩阵\"}")
                    .post("/api/v1/cases/{id}/extension-requests", id).statusCode(), role.equals(HANDLER), "ask for an extension");
            expect(role, as(token).get("/api/v1/cases/{id}/extension-requests", id).statusCode(), followers.contains(role), "read extension requests");
            expect(role, as(token).contentType(ContentType.JSON).body("{\"approve\": true}")
                    .post("/api/v1/cases/{id}/extension-requests/{r}/decision", id, extension).statusCode(), role.equals(CPPCC_STAFF), "decide an extension");
            expect(role, as(token).contentType(ContentType.JSON).body("{\"source\": \"矩阵\", \"territoryCode\": \"330421\", \"content\": \"矩阵\", \"leadUnitCode\": \"agri-rural\"}")
                    .post("/api/v1/cases").statusCode(), role.equals(CPPCC_STAFF), "open a case by hand");
            expect(role, as(token).get("/api/v1/cases/board").statusCode(), List.of(CPPCC_STAFF, LEADER, ORGANIZER).contains(role), "read the board");
            expect(role, as(token).queryParam("year", 2026).get("/api/v1/cases/statistics").statusCode(), List.of(CPPCC_STAFF, LEADER, ORGANIZER).contains(role), "read statistics");
            expect(role, as(token).get("/api/v1/working-calendar/2026").statusCode(), true, "read the working calendar");
            expect(role, as(token).contentType(ContentType.JSON).body("{\"kind\": \"HOLIDAY\", \"name\": \"矩阵测试\"}")
                    .put("/api/v1/working-calendar/days/2031-03-03").statusCode(), role.equals(CPPCC_STAFF), "maintain the working calendar");
            expect(role, as(token).get("/api/v1/audit").statusCode(), List.of(CPPCC_STAFF, LEADER).contains(role), "read audit");
        }
        as(TestTokens.as(CPPCC_STAFF, "330421").token()).delete("/api/v1/working-calendar/days/2031-03-03").then().statusCode(204);
    }

    /** A move with a body valid for any of them and the current version: what remains is who may make it. */
    private static int post(String token, String id, String move) {
        String body = "{\"reason\": \"矩阵\", \"note\": \"矩阵\", \"unitCode\": \"natural-resources\", \"percent\": 10, \"text\": \"矩阵\", "
                + "\"resolutionDegree\": \"A\", \"attitude\": \"SATISFIED\", \"result\": \"SATISFIED\"}";
        int version = as(TestTokens.as(CPPCC_STAFF, "330421").token()).get("/api/v1/cases/{id}", id).then().extract().path("version");
        return as(token).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON).body(body).post("/api/v1/cases/{id}/" + move, id).statusCode();
    }

    @Test
    void opening_and_signing_are_audited() {
        String id = agriCase();
        as(AGRI_CLERK).header("If-Match", "\"0\"").post("/api/v1/cases/{id}/sign", id).then().statusCode(200);
        as(TestTokens.as(LEADER, "330421").token()).queryParam("targetId", id).get("/api/v1/audit").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.action", equalTo(List.of("case.sign", "case.open")))
                .body("items[0].actor", equalTo("clerk@agri"))
                .body("items[1].actor", equalTo("system:sessions-service"));
    }

    /** Allowed: the role gets through (a 2xx, or a 409/412/422 about the case's state or the body); refused: 403, or 404 for what it may not see. */
    private static void expect(String role, int status, boolean allowed, String what) {
        if (allowed) assertTrue(status >= 200 && status < 300 || status == 409 || status == 412 || status == 422, role + " may " + what + " but got " + status);
        else assertTrue(status == 403 || status == 404, role + " may not " + what + " but got " + status);
    }
}
