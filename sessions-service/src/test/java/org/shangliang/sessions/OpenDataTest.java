package org.shangliang.sessions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.JwtTestResource;

/** 开放数据: public sessions, their outcomes and the minutes' figures — and nothing about the people in them. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class OpenDataTest {

    @jakarta.inject.Inject ReferenceCopy copy;

    private static io.restassured.specification.RequestSpecification anonymous() {
        return given().header("X-Forwarded-For", "10.88." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255));
    }

    @Test
    void a_years_public_sessions_come_with_outcomes_and_figures_but_no_one_who_took_part() {
        SessionFlowTest flow = new SessionFlowTest();
        flow.copy = copy;
        Api.actByDefaultAs(SessionFlowTest.COUNTY_STAFF);
        SessionFlowTest.unitsInDirectory(flow.kafka, copy);
        String village = flow.freshVillage();
        String first = flow.acceptedTopic(village);
        String second = flow.acceptedTopic(village);

        // A public session: five present, a speech that names someone, an outcome on the first item; concluded.
        JsonPath session = SessionFlowTest.schedule(village, first, second);
        String id = session.getString("id");
        List<String> present = SessionFlowTest.quorum(RestAssured::given, id);
        given().header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/start", id).then().statusCode(200);
        String item = session.getString("agenda[0].id");
        given().contentType(ContentType.JSON).body(Map.of("participantId", present.get(0), "kind", "SPEECH", "summary", "村民代表甲说：王秀兰家门口的路灯坏了三个月"))
                .post("/api/v1/sessions/{id}/agenda-items/{item}/contributions", id, item).then().statusCode(201);
        given().contentType(ContentType.JSON).body(SessionFlowTest.OUTCOME).post("/api/v1/sessions/{id}/agenda-items/{item}/outcomes", id, item).then().statusCode(201);
        long version = given().get("/api/v1/sessions/{id}", id).then().extract().jsonPath().getLong("version");
        given().header("If-Match", "\"" + version + "\"").post("/api/v1/sessions/{id}/conclude", id).then().statusCode(200);
        // An internal session of the same village: not there at all.
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(SessionFlowTest.sessionBody(village, first).replace("\"title\": \"惠通村民生议事堂2026年第8次协商\"", "\"title\": \"内部碰头会\", \"visibility\": \"INTERNAL\""))
                .post("/api/v1/sessions").then().statusCode(201);

        RestAssured.requestSpecification = null;
        String address = "10.88.1." + ThreadLocalRandom.current().nextInt(1, 255);
        Response json = given().header("X-Forwarded-For", address).queryParam("year", 2026).queryParam("territory", village).get("/api/v1/open-data/sessions");
        json.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "public, max-age=3600")
                .body("dataset", equalTo("shangliang.sessions")).body("licence", equalTo("CC BY 4.0"))
                .body("items.size()", equalTo(2)).body("items.position", equalTo(List.of(1, 2)))
                .body("items[0].sessionTitle", equalTo("惠通村民生议事堂2026年第8次协商")).body("items[0].status", equalTo("CONCLUDED"))
                .body("items[0].startsOn", equalTo("2026-12-03")).body("items[0].expected", equalTo(5)).body("items[0].present", equalTo(5))
                .body("items[0].contributions", equalTo(1)).body("items[0].consensus", containsString("第三轮协商"))
                .body("items[0].recommendations.size()", equalTo(2)).body("items[0].recommendationUnits.size()", equalTo(2))
                .body("items[1].consensus", nullValue()).body("items[1].recommendations.size()", equalTo(0));
        String body = json.asString();
        for (String personal : List.of("村民代表甲", "王秀兰", "路灯", "惠民街道政协联络室", "乡贤戊", "内部碰头会")) {
            assertFalse(body.contains(personal), "open data must not carry " + personal + ": " + body);
        }
        List<String> fields = anonymous().get("/api/v1/open-data/sessions/dictionary").then().statusCode(200).extract().path("fields.name");
        assertEquals(fields, List.copyOf(json.jsonPath().getMap("items[0]").keySet()), "every field is in the dictionary, in order");

        Response csv = given().header("X-Forwarded-For", address).queryParam("year", 2026).queryParam("territory", village).queryParam("format", "csv")
                .get("/api/v1/open-data/sessions");
        csv.then().statusCode(200).contentType(containsString("text/csv")).header("Content-Disposition", containsString("sessions-2026-" + village + ".csv"));
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        List<String> lines = text.substring(1).lines().toList();
        assertEquals(String.join(",", fields), lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        for (String personal : List.of("村民代表甲", "王秀兰", "惠民街道政协联络室")) assertFalse(text.contains(personal));

        // The same answer again is a 304 without a body; bad input is a problem naming the parameter.
        String etag = json.header("ETag");
        given().header("X-Forwarded-For", address).header("If-None-Match", etag).queryParam("year", 2026).queryParam("territory", village)
                .get("/api/v1/open-data/sessions").then().statusCode(304);
        anonymous().queryParam("year", 2026).queryParam("territory", "330421999999").get("/api/v1/open-data/sessions").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("territory"));
        anonymous().queryParam("year", 2026).queryParam("format", "xml").get("/api/v1/open-data/sessions").then().statusCode(400)
                .contentType("application/problem+json");
        anonymous().get("/api/v1/open-data/sessions").then().statusCode(400).body("violations[0].field", containsString("year"));
    }
}
