package org.shangliang.sessions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** 变更流 of sessions: the whole copy first, then only what changed, internal sessions for staff, nothing skipped. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class SessionSyncTest {

    @jakarta.inject.Inject ReferenceCopy copy;

    @Test
    void an_organizers_phone_syncs_the_sessions_of_its_territory_in_small_steps() {
        SessionFlowTest flow = new SessionFlowTest();
        flow.copy = copy;
        Api.actByDefaultAs(SessionFlowTest.COUNTY_STAFF);
        String village = flow.freshVillage();
        String elsewhere = flow.freshVillage();
        String organizer = TestTokens.as(Roles.ORGANIZER, village).token();
        JsonPath open = SessionFlowTest.schedule(village, flow.acceptedTopic(village));
        String internal = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(SessionFlowTest.sessionBody(village, flow.acceptedTopic(village)).replace("\"type\"", "\"visibility\": \"INTERNAL\", \"type\""))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        SessionFlowTest.schedule(elsewhere, flow.acceptedTopic(elsewhere));

        // The first sync is the whole copy: both of the village's sessions, the internal one too (staff see it), nothing of elsewhere.
        JsonPath first = Api.as(organizer).queryParam("territory", village).get("/api/v1/sessions/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(open.getString("id"), internal), first.getList("changes.id"));
        assertEquals(List.of("SCHEDULED", "SCHEDULED"), first.getList("changes.session.status"));
        assertEquals(List.of("PUBLIC", "INTERNAL"), first.getList("changes.session.visibility"));
        String cursor = first.getString("nextCursor");
        // Nothing changed: an empty answer and the same cursor.
        Api.as(organizer).queryParam("territory", village).queryParam("since", cursor).get("/api/v1/sessions/changes").then().statusCode(200)
                .body("changes.size()", equalTo(0)).body("nextCursor", equalTo(cursor)).body("more", equalTo(false));
        // Postponed: it comes again, in its latest state, and only it.
        given().contentType(ContentType.JSON).header("If-Match", "\"" + open.getLong("version") + "\"").body("{\"reason\": \"台风预警\"}")
                .post("/api/v1/sessions/{id}/postpone", open.getString("id")).then().statusCode(200);
        JsonPath next = Api.as(organizer).queryParam("territory", village).queryParam("since", cursor).get("/api/v1/sessions/changes").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(open.getString("id")), next.getList("changes.id"));
        assertEquals("POSTPONED", next.getString("changes[0].session.status"));
        // Pages of one: two answers with more=true first.
        Api.as(organizer).queryParam("territory", village).queryParam("limit", 1).get("/api/v1/sessions/changes").then()
                .body("changes.size()", equalTo(1)).body("more", equalTo(true));

        // Only the territory's staff; a bad cursor or an unknown territory is a problem naming it.
        Api.as(TestTokens.as(Roles.RESIDENT, village).token()).queryParam("territory", village).get("/api/v1/sessions/changes").then().statusCode(403);
        Api.as(TestTokens.as(Roles.ORGANIZER, elsewhere).token()).queryParam("territory", village).get("/api/v1/sessions/changes").then().statusCode(403);
        Api.as(organizer).queryParam("territory", village).queryParam("since", "nonsense").get("/api/v1/sessions/changes").then().statusCode(400)
                .body("violations[0].field", equalTo("since"));
        given().queryParam("territory", "330421999997").get("/api/v1/sessions/changes").then().statusCode(422);
    }
}
