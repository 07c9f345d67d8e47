package org.shangliang.followup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.HANDLER;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.testing.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
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
        for (String role : Roles.ALL) {
            String id = agriCase();
            String token = TestTokens.as(role, "330421").unit("agri-rural").subject(role + "-matrix").token();
            List<String> readers = List.of(CPPCC_STAFF, LEADER, ORGANIZER, HANDLER);
            expect(role, as(token).get("/api/v1/cases").statusCode(), readers.contains(role), "list cases");
            expect(role, as(token).get("/api/v1/cases/{id}", id).statusCode(), readers.contains(role), "read a case");
            expect(role, as(token).get("/api/v1/cases/{id}/history", id).statusCode(), readers.contains(role), "read a case's history");
            expect(role, as(token).header("If-Match", "\"0\"").post("/api/v1/cases/{id}/sign", id).statusCode(), role.equals(HANDLER), "sign");
            expect(role, as(token).get("/api/v1/audit").statusCode(), List.of(CPPCC_STAFF, LEADER).contains(role), "read audit");
        }
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

    private static void expect(String role, int status, boolean allowed, String what) {
        if (allowed) assertTrue(status >= 200 && status < 300, role + " may " + what + " but got " + status);
        else assertTrue(status == 403 || status == 404, role + " may not " + what + " but got " + status);
    }
}
