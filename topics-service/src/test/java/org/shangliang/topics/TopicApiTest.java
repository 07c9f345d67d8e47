package org.shangliang.topics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shangliang.topics.Fixtures.accepted;
import static org.shangliang.topics.Fixtures.freshVillage;
import static org.shangliang.topics.Fixtures.submit;
import static org.shangliang.topics.Fixtures.submitted;
import static org.shangliang.topics.Fixtures.topicBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shangliang.commons.testing.JwtTestResource;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class TopicApiTest {

    @org.junit.jupiter.api.BeforeEach
    void actAsCountyStaff() {
        org.shangliang.commons.testing.Api.actByDefaultAs(Fixtures.COUNTY_STAFF);
    }

    @Test
    void submitting_a_topic_gives_201_with_location_etag_and_a_yearly_number() {
        String village = freshVillage();
        submit(village, "惠通村蜜梨销售点选址")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/topics/"))
                .header("ETag", org.hamcrest.Matchers.startsWith("\"0-"))
                .body("number", matchesPattern("YT-\\d{4}-\\d{4,}"))
                .body("status", equalTo("SUBMITTED"))
                .body("territoryCode", equalTo(village))
                .body("themes", hasItem("农业"))
                .body("allowedActions", org.hamcrest.Matchers.containsInAnyOrder("ACCEPT", "ATTACH", "CONVERT", "EDIT", "ESCALATE", "HAND_DOWN", "MERGE", "REJECT", "WITHDRAW"));
    }

    @Test
    void a_read_carries_the_version_as_etag() {
        String id = submitted(freshVillage());
        given().get("/api/v1/topics/{id}", id).then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"0-")).body("id", equalTo(id));
    }

    @Test
    void server_owned_fields_in_the_body_are_ignored() {
        String body = """
                {"id": "00000000-0000-0000-0000-000000000001", "number": "YT-1999-9999", "status": "IN_FOLLOW_UP",
                 "version": 42, "createdAt": "1999-01-01T00:00:00Z",
                 "title": "村容村貌整治", "description": "垃圾分类点位不足", "territoryCode": "%s", "level": "VILLAGE", "channel": "GRID_PROXY"}
                """.formatted(freshVillage());
        given().contentType(ContentType.JSON).body(body).post("/api/v1/topics").then().statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo("00000000-0000-0000-0000-000000000001")))
                .body("number", org.hamcrest.Matchers.not(equalTo("YT-1999-9999")))
                .body("status", equalTo("SUBMITTED"))
                .body("version", equalTo(0));
    }

    @Test
    void accepting_needs_if_match() {
        String id = submitted(freshVillage());
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/topics/{id}/accept", id)
                .then().statusCode(428).contentType("application/problem+json").body("title", notNullValue());
        given().get("/api/v1/topics/{id}", id).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() {
        String id = submitted(freshVillage());
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"title\":\"新标题\",\"description\":\"新描述\"}").put("/api/v1/topics/{id}", id)
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"1-")).body("title", equalTo("新标题"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").post("/api/v1/topics/{id}/accept", id)
                .then().statusCode(412).contentType("application/problem+json").body("detail", containsString("\"1\""));
        given().get("/api/v1/topics/{id}", id).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void accept_then_reject_is_409_naming_what_is_allowed() {
        String id = accepted(freshVillage());
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").header("Accept-Language", "en")
                .body("{\"reason\":\"重复\"}").post("/api/v1/topics/{id}/reject", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Allowed from ACCEPTED: ATTACH, MERGE, WITHDRAW"));
        String other = submitted(freshVillage());
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\":\"属于个人纠纷\"}")
                .post("/api/v1/topics/{id}/reject", other).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("screeningNote", equalTo("属于个人纠纷"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{}").post("/api/v1/topics/{id}/accept", other)
                .then().statusCode(409).body("detail", containsString("REJECTED"));
    }

    @Test
    void rejecting_without_a_reason_is_400_naming_the_field() {
        String id = submitted(freshVillage());
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").post("/api/v1/topics/{id}/reject", id)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("reason"));
    }

    @Test
    void an_idempotent_retry_returns_the_first_response_and_creates_nothing() {
        String village = freshVillage();
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(topicBody(village, "村道提升改造"))
                .post("/api/v1/topics").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(topicBody(village, "村道提升改造"))
                .post("/api/v1/topics").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", containsString(first)).body("id", equalTo(first));
        given().queryParam("territory", village).get("/api/v1/topics").then().statusCode(200).body("items", hasSize(1));
        // Counted for the operator, by operation only (never one series per caller or key).
        String replays = given().get("/q/metrics").then().extract().asString().lines()
                .filter(l -> l.startsWith("shangliang_idempotency_replays_total{") && l.contains("topics.submit")).findFirst().orElse("(none)");
        assertTrue(replays.startsWith("shangliang_idempotency_replays_total{application=\"topics-service\",operation=\"topics.submit\"}"), replays);
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        String village = freshVillage();
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(topicBody(village, "村道提升改造"))
                .post("/api/v1/topics").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(topicBody(village, "另一个议题"))
                .post("/api/v1/topics").then().statusCode(422).contentType("application/problem+json");
        given().queryParam("territory", village).get("/api/v1/topics").then().body("items", hasSize(1));
    }

    @Test
    void two_concurrent_requests_with_one_key_create_one_topic() throws Exception {
        String village = freshVillage();
        String key = UUID.randomUUID().toString();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(topicBody(village, "美丽乡村奖补细则")).post("/api/v1/topics").then().statusCode(201).extract().<String>path("id");
            }));
        }
        go.countDown();
        List<String> ids = new ArrayList<>();
        for (java.util.concurrent.Future<String> answer : answers) ids.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)); // a failed assertion in a request fails here
        pool.shutdown();
        assertEquals(4, ids.size());
        assertEquals(1, new HashSet<>(ids).size(), "all four answers name the same topic: " + ids);
        given().queryParam("territory", village).get("/api/v1/topics").then().body("items", hasSize(1));
    }

    @Test
    void keyset_pages_are_newest_first_without_gaps_or_repeats() {
        String village = freshVillage();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) created.add(0, submitted(village));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().queryParam("territory", village).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/topics").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(created, seen);
    }

    @Test
    void listing_filters_by_status() {
        String village = freshVillage();
        String acceptedId = accepted(village);
        submitted(village);
        given().queryParam("territory", village).queryParam("status", "ACCEPTED").get("/api/v1/topics")
                .then().statusCode(200).body("items.id", equalTo(List.of(acceptedId))).body("nextCursor", nullValue());
    }

    @Test
    void malformed_json_is_400_problem() {
        given().contentType(ContentType.JSON).body("{\"title\": ").post("/api/v1/topics")
                .then().statusCode(400).contentType("application/problem+json").body("type", containsString("malformed-json"))
                .body("detail", notNullValue());
    }

    @Test
    void a_wrong_type_is_400_naming_the_field() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"title\":\"t\",\"description\":\"d\",\"territoryCode\":\"330421\",\"level\":\"VILLAGE\",\"channel\":\"RESIDENT\",\"themes\":\"农业\"}")
                .post("/api/v1/topics")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("themes")).body("violations[0].message", containsString("expected an array"));
    }

    @Test
    void an_unknown_enum_value_is_400_listing_the_allowed_ones() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"title\":\"t\",\"description\":\"d\",\"territoryCode\":\"330421\",\"level\":\"PROVINCE\",\"channel\":\"RESIDENT\"}")
                .post("/api/v1/topics")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("level"))
                .body("detail", containsString("VILLAGE, TOWNSHIP, COUNTY, CROSS_REGION"));
    }

    @Test
    void invalid_fields_are_all_named_in_chinese_by_default() {
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"\",\"description\":\"d\",\"territoryCode\":\"33\",\"level\":\"VILLAGE\",\"channel\":\"RESIDENT\"}")
                .post("/api/v1/topics")
                .then().statusCode(400).contentType("application/problem+json").header("Content-Language", "zh-CN")
                .body("title", equalTo("请求内容无效"))
                .body("violations.field", equalTo(List.of("territoryCode", "title")));
    }

    @Test
    void a_bad_list_element_is_named_by_its_index() {
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"t\",\"description\":\"d\",\"territoryCode\":\"330421\",\"level\":\"VILLAGE\",\"themes\":[\"农业\", \"\"]}")
                .post("/api/v1/topics").then().statusCode(400).body("violations[0].field", equalTo("themes[1]"));
    }

    @Test
    void an_oversized_body_is_413_problem() {
        String huge = "惠".repeat(100_000);
        given().contentType(ContentType.JSON).body(topicBody(freshVillage(), huge)).post("/api/v1/topics")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void a_bad_uuid_is_400_and_an_unknown_one_404() {
        given().get("/api/v1/topics/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"));
        given().get("/api/v1/topics/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_bad_cursor_or_limit_is_400() {
        given().queryParam("cursor", "garbage!").get("/api/v1/topics").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        given().queryParam("limit", 1000).get("/api/v1/topics").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        given().queryParam("limit", "abc").get("/api/v1/topics").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("limit"));
        given().queryParam("status", "DONE").get("/api/v1/topics").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status")).body("detail", containsString("SUBMITTED"));
    }

    @Test
    void wrong_media_type_and_method_are_problems_too() {
        given().contentType(ContentType.TEXT).body("hi").post("/api/v1/topics").then().statusCode(415).contentType("application/problem+json");
        given().delete("/api/v1/topics").then().statusCode(405).contentType("application/problem+json");
    }
}
