package org.shangliang.topics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.topics.Fixtures.freshVillage;
import static org.shangliang.topics.Fixtures.submitted;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/**
 * What outside probing sent and what it must get: a 4xx problem+json naming what is wrong for
 * every malformed input (never a 5xx), and no widening of a caller's scope by a bad claim.
 */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class HostileInputTest {

    @TestHTTPResource("/") URI base;

    @BeforeEach
    void actAsCountyStaff() {
        Api.actByDefaultAs(Fixtures.COUNTY_STAFF);
    }

    private static String body(String territory, String title, String level) {
        return """
                {"title": %s, "description": "部分承包户对确权面积有异议。", "themes": ["农业"], "territoryCode": "%s", "level": %s}
                """.formatted(title, territory, level);
    }

    private static io.restassured.response.ValidatableResponse submit(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/topics").then();
    }

    @Test
    void a_malformed_accept_language_still_gets_a_problem_in_chinese() {
        for (String header : List.of("en;q=abc", "en;q=1.5", "zh-CN;q=", "-", ";;,,", "en;q=")) {
            given().header("Accept-Language", header).get("/api/v1/topics/{id}", UUID.randomUUID()).then()
                    .statusCode(404).contentType("application/problem+json");
        }
        given().header("Accept-Language", "en;q=0.3, zh;q=0.9").get("/api/v1/topics/{id}", UUID.randomUUID()).then()
                .statusCode(404).header("Content-Language", "zh-CN");
        given().header("Accept-Language", "zh;q=0.3, en;q=0.9").get("/api/v1/topics/{id}", UUID.randomUUID()).then()
                .statusCode(404).header("Content-Language", "en");
    }

    @Test
    void a_nul_character_is_refused_in_json_and_in_the_query() {
        submit(body(freshVillage(), "\"土地\\u0000确权\"", "\"VILLAGE\"")).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("title"));
        given().urlEncodingEnabled(false).get("/api/v1/audit?actor=a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("actor"));
    }

    @Test
    void a_duplicated_key_is_refused_everywhere() {
        String territory = freshVillage();
        submit("{\"title\": \"a\", \"title\": \"惠通村土地确权\", \"description\": \"有异议\", \"themes\": [\"农业\"], \"territoryCode\": \""
                + territory + "\", \"level\": \"VILLAGE\"}").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("title"));
        String id = submitted(territory);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"note\": \"a\", \"note\": \"b\"}")
                .post("/api/v1/topics/{id}/accept", id).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("note"));
    }

    @Test
    void values_must_have_the_declared_type_exactly() {
        String v = freshVillage();
        submit(body(v, "123", "\"VILLAGE\"")).statusCode(400).body("violations[0].field", equalTo("title"));
        submit(body(v, "true", "\"VILLAGE\"")).statusCode(400).body("violations[0].field", equalTo("title"));
        submit(body(v, "\"惠通村\"", "0")).statusCode(400).body("violations[0].field", equalTo("level"));
        submit(body(v, "\"惠通村\"", "\" VILLAGE \"")).statusCode(400).body("violations[0].field", equalTo("level"));
        submit(body(v, "\"惠通村\"", "\"\"")).statusCode(400).body("violations[0].field", equalTo("level"));
        for (String limit : List.of("٥", "１０", " 5", "5.0", "99999999999")) {
            given().queryParam("limit", limit).get("/api/v1/topics").then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("limit"));
        }
    }

    @Test
    void times_at_the_edge_of_javas_range_are_refused_not_a_500() {
        for (String t : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2026-11-25", "yesterday")) {
            given().queryParam("from", t).get("/api/v1/audit").then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("from"));
        }
        given().queryParam("from", "2026-01-01T00:00:00Z").get("/api/v1/audit").then().statusCode(200);
    }

    @Test
    void a_chunked_body_has_the_same_limit_as_one_with_a_length() throws Exception {
        byte[] big = ("{\"title\": \"" + "长".repeat(100_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(big.length > 262_144);
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v1/topics"))
                .header("Authorization", "Bearer " + Fixtures.COUNTY_STAFF).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), chunked.headers().toString());
        given().contentType(ContentType.JSON).body(big).post("/api/v1/topics").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void a_territory_claim_that_is_no_division_code_opens_nothing() {
        for (String territory : List.of("", "%", "_", "33042118%", "3304210031_1", "330421 ", "abcdef")) {
            String token = TestTokens.as(Roles.ORGANIZER, territory).subject("misconfigured-" + UUID.randomUUID()).token();
            given().auth().oauth2(token).get("/api/v1/topics").then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("territory"));
        }
    }

    @Test
    void location_is_never_built_from_the_host_header() {
        String location = given().header("Host", "evil.example").contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body(freshVillage(), "\"惠通村土地确权\"", "\"VILLAGE\"")).post("/api/v1/topics")
                .then().statusCode(201).extract().header("Location");
        assertTrue(location.startsWith("/api/v1/topics/"), location);
    }

    @Test
    void paths_of_refused_requests_do_not_become_metric_series() throws Exception {
        String marker = "probe-" + UUID.randomUUID();
        // A NUL byte in a header: refused by the HTTP layer before routing.
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /" + marker + " HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\0b\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1)).readLine();
            assertTrue(status != null && status.contains(" 400"), String.valueOf(status));
        }
        given().get("/" + marker + "-unrouted").then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(!metrics.contains(marker), "no series named after a caller's raw path");
    }
}
