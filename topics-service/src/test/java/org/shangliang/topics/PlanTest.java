package org.shangliang.topics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.security.Roles.RESIDENT;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.commons.testing.EventsTestKit.value;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/**
 * 年度协商计划: draft → approved → published, amendments recorded, TopicPlanned, and statistics
 * against a hand-computed fixture shaped like the 2020 county plan (34 topics, 22 on the
 * demonstration zone: 65 %).
 */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class PlanTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();

    String county;
    String staff;
    String leader;

    @BeforeEach
    void aCountyOfItsOwn() {
        RestAssured.requestSpecification = null;
        // A made-up county per run: plans are one per year and territory, and the test database outlives runs.
        do {
            county = "34" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        } while (as(Fixtures.COUNTY_STAFF).get("/api/v1/directory/territories/{c}", county).statusCode() != 404);
        staff = TestTokens.as(CPPCC_STAFF, county).name("县政协办公室").token();
        leader = TestTokens.as(LEADER, county).name("县政协主席").token();
        for (String code : List.of(county, county + "001", county + "002")) {
            as(staff).contentType(ContentType.JSON).body("{\"code\": \"%s\", \"name\": \"计划测试 %s\"}".formatted(code, code))
                    .post("/api/v1/directory/territories").then().statusCode(201);
        }
    }

    String accepted(String territory, String level, String channel, String... themes) {
        String themeList = String.join("\", \"", themes);
        String id = as(staff).contentType(ContentType.JSON).body("""
                {"title": "计划议题", "description": "年度协商计划测试", "themes": ["%s"], "territoryCode": "%s", "level": "%s", "channel": "%s"}
                """.formatted(themeList, territory, level, channel)).post("/api/v1/topics").then().statusCode(201).extract().path("id");
        as(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").post("/api/v1/topics/{id}/accept", id).then().statusCode(200);
        return id;
    }

    static String items(List<String> topics, String reason) {
        StringBuilder b = new StringBuilder("{\"items\": [");
        for (int i = 0; i < topics.size(); i++) {
            if (i > 0) b.append(", ");
            b.append("{\"topicId\": \"%s\", \"quarter\": %d, \"form\": \"SPECIAL_TOPIC\"}".formatted(topics.get(i), 1 + i % 4));
        }
        b.append("]");
        if (reason != null) b.append(", \"amendmentReason\": \"").append(reason).append("\"");
        return b.append("}").toString();
    }

    @Test
    void a_plan_is_drafted_approved_published_and_then_only_amended_with_its_statistics_as_computed_by_hand() {
        // 34 topics: 20 in township A, 10 in township B, 4 county-level; 22 carry 示范区; 4 came by the 12345 hotline.
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 34; i++) {
            String territory = i < 20 ? county + "001" : i < 30 ? county + "002" : county;
            String level = i < 30 ? "TOWNSHIP" : "COUNTY";
            String channel = i == 9 || i == 19 || i == 29 || i == 33 ? "HOTLINE_12345" : "LIAISON_OFFICE";
            topics.add(i < 22 ? accepted(territory, level, channel, "示范区", "一体化") : accepted(territory, level, channel, "民生"));
        }
        String notAccepted = as(staff).contentType(ContentType.JSON).body(Fixtures.topicBody(county + "001", "未立项"))
                .post("/api/v1/topics").then().statusCode(201).extract().path("id");

        String plan = as(staff).contentType(ContentType.JSON).body("{\"year\": 2020, \"territoryCode\": \"%s\", \"title\": \"2020年度协商计划\"}".formatted(county))
                .post("/api/v1/plans").then().statusCode(201).body("status", equalTo("DRAFT")).body("allowedActions", equalTo(List.of("EDIT", "APPROVE")))
                .extract().path("id");
        as(staff).contentType(ContentType.JSON).body("{\"year\": 2020, \"territoryCode\": \"%s\", \"title\": \"又一份\"}".formatted(county))
                .post("/api/v1/plans").then().statusCode(409);
        as(TestTokens.as(CPPCC_STAFF, "330421").token()).contentType(ContentType.JSON)
                .body("{\"year\": 2020, \"territoryCode\": \"%s\", \"title\": \"越权\"}".formatted(county)).post("/api/v1/plans").then().statusCode(403);

        // Only accepted topics, each once.
        List<String> withBad = new ArrayList<>(topics);
        withBad.add(notAccepted);
        as(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(items(withBad, null)).put("/api/v1/plans/{id}/items", plan).then()
                .statusCode(422).body("violations.field", hasItem("items[34].topicId")).body("detail", containsString("SUBMITTED"));
        List<String> twice = new ArrayList<>(topics);
        twice.add(topics.get(0));
        as(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(items(twice, null)).put("/api/v1/plans/{id}/items", plan).then()
                .statusCode(400).body("violations.field", hasItem("items[34].topicId"));
        as(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(items(topics, null)).put("/api/v1/plans/{id}/items", plan).then()
                .statusCode(200).body("items", hasSize(34)).body("items[0].position", equalTo(1)).body("items[0].topicId", equalTo(topics.get(0)))
                .body("items[1].quarter", equalTo(2)).header("ETag", org.hamcrest.Matchers.startsWith("\"1-"));
        // A draft is the office's and its leaders' only.
        as(TestTokens.as(RESIDENT, county + "001").token()).get("/api/v1/plans/{id}", plan).then().statusCode(404);

        as(staff).header("If-Match", "\"1\"").post("/api/v1/plans/{id}/approve", plan).then().statusCode(403);
        as(leader).header("If-Match", "\"1\"").post("/api/v1/plans/{id}/approve", plan).then().statusCode(200).body("status", equalTo("APPROVED"));
        as(staff).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(items(topics.subList(0, 33), null)).put("/api/v1/plans/{id}/items", plan)
                .then().statusCode(409).body("detail", containsString("PUBLISH, REOPEN"));
        as(staff).header("If-Match", "\"2\"").post("/api/v1/plans/{id}/publish", plan).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("allowedActions", equalTo(List.of("AMEND")));

        List<ConsumerRecord<String, byte[]>> planned = kafka.read(kafka.topic("topics"),
                r -> EventsTestKit.header(r, "ce_type").equals("TopicPlanned") && JsonPath.from(value(r)).getString("planId").equals(plan), 34, WAIT);
        assertEquals(34, planned.size(), "TopicPlanned for every topic of the plan");
        planned.forEach(r -> Contracts.assertValid("TopicPlanned", value(r)));
        as(staff).get("/api/v1/topics/{id}/timeline", topics.get(3)).then().body("kind", hasItem("PLANNED"));

        // The statistics, computed by hand: 34 topics; 示范区 22 (0.6471, 65 %); A 20, B 10, the county 4; 12345 4.
        JsonPath stats = as(TestTokens.as(RESIDENT, county + "002").token()).queryParam("theme", "示范区").get("/api/v1/plans/{id}/statistics", plan)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(34, stats.getInt("topics"));
        assertEquals(22, stats.getInt("chosenTheme.count"));
        assertEquals(0.6471, stats.getDouble("chosenTheme.share"), 1e-9);
        assertEquals(65, stats.getInt("chosenTheme.percent"));
        assertEquals(List.of(county + "001", county + "002", county), stats.getList("byTownship.key"));
        assertEquals(List.of(20, 10, 4), stats.getList("byTownship.count"));
        assertEquals(List.of(59, 29, 12), stats.getList("byTownship.percent"));
        // Most first, ties by name: 一体化 and 示范区 22 each (every 示范区 topic also carries 一体化), 民生 12.
        assertEquals(List.of("一体化", "示范区", "民生"), stats.getList("byTheme.key"));
        assertEquals(List.of(22, 22, 12), stats.getList("byTheme.count"));
        assertEquals(List.of("LIAISON_OFFICE", "HOTLINE_12345"), stats.getList("byChannel.key"));
        assertEquals(List.of(30, 4), stats.getList("byChannel.count"));
        assertEquals(List.of("TOWNSHIP", "COUNTY"), stats.getList("byLevel.key"));

        // Published: only amendments, each with a reason and recorded; TopicPlanned for what moved.
        String added = accepted(county + "002", "TOWNSHIP", "LIAISON_OFFICE", "民生");
        List<String> amended = new ArrayList<>(topics.subList(1, 34));
        amended.add(0, added);
        as(staff).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(items(amended, null)).put("/api/v1/plans/{id}/items", plan).then()
                .statusCode(400).body("violations.field", hasItem("amendmentReason"));
        as(staff).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(items(amended, "县委新增一项重点协商议题")).put("/api/v1/plans/{id}/items", plan)
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("items[0].topicId", equalTo(added));
        as(TestTokens.as(ORGANIZER, county).token()).get("/api/v1/plans/{id}/amendments", plan).then().statusCode(200)
                .body("number", equalTo(List.of(1))).body("reason", equalTo(List.of("县委新增一项重点协商议题")))
                .body("[0].change", containsString("新增")).body("[0].change", containsString("移出"));
        ConsumerRecord<String, byte[]> out = kafka.await(kafka.topic("topics"), r -> EventsTestKit.header(r, "ce_type").equals("TopicPlanned")
                && r.key().equals(topics.get(0)) && !JsonPath.from(value(r)).getBoolean("inPlan"), WAIT);
        Contracts.assertValid("TopicPlanned", value(out));
        assertEquals(1, JsonPath.from(value(out)).getInt("amendment"));
        as(staff).contentType(ContentType.JSON).header("If-Match", "\"4\"").body(items(amended, "无变化")).put("/api/v1/plans/{id}/items", plan).then()
                .statusCode(422);
        // Lists: the published plan for everyone, newest first.
        List<String> listed = as(TestTokens.as(RESIDENT, county + "001").token()).queryParam("territory", county).get("/api/v1/plans").then()
                .statusCode(200).extract().path("items.id");
        assertTrue(listed.contains(plan), "published plans are listed for residents");
    }
}
