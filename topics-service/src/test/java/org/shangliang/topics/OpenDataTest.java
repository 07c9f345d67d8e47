package org.shangliang.topics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.topics.Fixtures.COUNTY_STAFF;
import static org.shangliang.topics.Fixtures.topicBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** 开放数据: anonymous, cacheable, limited per address, and nothing about people in it. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class OpenDataTest {

    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @BeforeEach
    void anonymous() {
        RestAssured.requestSpecification = null;
    }

    /** An anonymous client of its own address (X-Forwarded-For from the trusted local proxy): each test has its own bucket. */
    private static RequestSpecification client(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static String someAddress() {
        return "10.77." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    @Test
    void a_years_public_topics_come_without_anything_about_people_as_json_and_csv() {
        String area = Fixtures.freshVillage();
        String proposer = TestTokens.as(org.shangliang.commons.security.Roles.RESIDENT, area).subject("wang-xiulan@" + area).name("王秀兰").token();
        String personal = topicBody(area, "村口路灯维修").replace("\"channel\"", "\"contactPhone\": \"13800001234\", \"channel\"")
                .replace("部分承包户对确权面积有异议", "王秀兰家门口的路灯坏了");
        String accepted = TopicIntakeTest.post(proposer, "/api/v1/topics", personal).statusCode(201).extract().path("id");
        as(COUNTY_STAFF).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"note\": \"请联系王秀兰 13800001234\"}")
                .post("/api/v1/topics/{id}/accept", accepted).then().statusCode(200);
        String waiting = TopicIntakeTest.post(proposer, "/api/v1/topics", topicBody(area, "尚未审核的议题")).statusCode(201).extract().path("id");
        String acceptedNumber = as(COUNTY_STAFF).get("/api/v1/topics/{id}", accepted).then().extract().path("number");
        String waitingNumber = as(COUNTY_STAFF).get("/api/v1/topics/{id}", waiting).then().extract().path("number");

        String address = someAddress();
        Response json = client(address).queryParam("year", YEAR).queryParam("territory", area).get("/api/v1/open-data/topics");
        json.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "public, max-age=3600")
                .body("licence", equalTo("CC BY 4.0")).body("dataset", equalTo("shangliang.topics")).body("year", equalTo(YEAR))
                .body("items.number", equalTo(List.of(acceptedNumber))).body("items[0].title", equalTo("村口路灯维修"))
                .body("items[0].status", equalTo("ACCEPTED")).body("items[0].acceptedOn", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        String body = json.asString();
        for (String personalData : List.of("王秀兰", "13800001234", "wang-xiulan", "家门口", "请联系")) {
            assertFalse(body.contains(personalData), "open data must not carry " + personalData + ": " + body);
        }
        assertFalse(body.contains(waitingNumber), "a topic waiting for screening is not public");

        // The same rows as CSV, for spreadsheets: a byte order mark, the dictionary's fields as the header.
        Response csv = client(address).queryParam("year", YEAR).queryParam("territory", area).queryParam("format", "csv").get("/api/v1/open-data/topics");
        csv.then().statusCode(200).contentType(containsString("text/csv")).header("Content-Disposition", containsString("topics-" + YEAR + "-" + area + ".csv"));
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 with a byte order mark");
        List<String> lines = text.substring(1).lines().toList();
        List<String> fields = client(address).get("/api/v1/open-data/topics/dictionary").then().statusCode(200).extract().path("fields.name");
        assertEquals(String.join(",", fields), lines.get(0));
        assertEquals(2, lines.size(), "header and the one public topic: " + lines);
        assertTrue(lines.get(1).startsWith(acceptedNumber + ",村口路灯维修,农业;民生," + area + ",VILLAGE,ACCEPTED,0,"), lines.get(1));
        for (String personalData : List.of("王秀兰", "13800001234", "wang-xiulan")) assertFalse(text.contains(personalData));
        // Every field of an item is in the dictionary, in the CSV's order.
        Map<String, Object> item = json.jsonPath().getMap("items[0]");
        assertEquals(fields, List.copyOf(item.keySet()));
    }

    @Test
    void exports_are_cacheable_and_refuse_what_they_do_not_know() {
        String address = someAddress();
        String etag = client(address).queryParam("year", YEAR).get("/api/v1/open-data/topics").then().statusCode(200).extract().header("ETag");
        client(address).queryParam("year", YEAR).header("If-None-Match", etag).get("/api/v1/open-data/topics").then().statusCode(304);
        String csvTag = client(address).queryParam("year", YEAR).queryParam("format", "csv").get("/api/v1/open-data/topics").then().statusCode(200).extract().header("ETag");
        client(address).queryParam("year", YEAR).queryParam("format", "csv").header("If-None-Match", csvTag).get("/api/v1/open-data/topics").then().statusCode(304);
        client(address).get("/api/v1/open-data/topics").then().statusCode(400).contentType("application/problem+json");
        client(address).queryParam("year", YEAR).queryParam("format", "xml").get("/api/v1/open-data/topics").then().statusCode(400)
                .contentType("application/problem+json");
        client(address).queryParam("year", YEAR).queryParam("territory", "330421999").get("/api/v1/open-data/topics").then().statusCode(422)
                .body("violations[0].field", equalTo("territory"));
    }

    @Test
    void one_address_is_limited_and_another_is_not() {
        String scraper = someAddress();
        int ok = 0;
        Response refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            Response r = client(scraper).get("/api/v1/open-data/topics/dictionary");
            if (r.statusCode() == 200) ok++;
            else refused = r;
        }
        assertTrue(refused != null, "the limit never answered");
        refused.then().statusCode(429).contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertTrue(ok >= 60 && ok < 70, "the burst is 60 a address, then 2 a second: " + ok);
        client(someAddress()).get("/api/v1/open-data/topics/dictionary").then().statusCode(200);
    }
}
