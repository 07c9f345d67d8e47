package org.shangliang.topics;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.topics.Fixtures.COUNTY_STAFF;
import static org.shangliang.topics.Fixtures.freshVillage;
import static org.shangliang.topics.Fixtures.topicBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.JwtTestResource;

/** Mobile sync, the cheap half: a phone that has a copy asks with If-None-Match and gets 304 without the body. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class ConditionalGetTest {

    private static String topic(String proposer, String village) {
        return TopicIntakeTest.post(proposer, "/api/v1/topics", topicBody(village, "村口路灯维修")).statusCode(201).extract().path("id");
    }

    private static Response read(String caller, String id, String ifNoneMatch) {
        var request = as(caller);
        if (ifNoneMatch != null) request = request.header("If-None-Match", ifNoneMatch);
        return request.get("/api/v1/topics/{id}", id);
    }

    @Test
    void a_read_with_the_etag_it_was_given_is_answered_304_without_a_body() {
        String village = freshVillage();
        String id = topic(MergeTest.resident(village, "a"), village);
        Response first = read(COUNTY_STAFF, id, null);
        first.then().statusCode(200).header("Cache-Control", "private, no-cache");
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\"0-"), "version, then a digest of the body: " + etag);

        Response again = read(COUNTY_STAFF, id, etag);
        again.then().statusCode(304).header("ETag", etag);
        assertEquals("", again.asString(), "a 304 has no body");
        // Weak comparison, a list of tags, and * all match.
        read(COUNTY_STAFF, id, "W/" + etag).then().statusCode(304);
        read(COUNTY_STAFF, id, "\"0-0000000000000000\", " + etag).then().statusCode(304);
        read(COUNTY_STAFF, id, "*").then().statusCode(304);
        read(COUNTY_STAFF, id, "\"0\"").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void a_change_that_keeps_the_version_still_changes_the_etag_and_if_match_still_takes_it() {
        String village = freshVillage();
        String proposer = MergeTest.resident(village, "a");
        String id = topic(proposer, village);
        String before = read(COUNTY_STAFF, id, null).header("ETag");

        // A support is counted without a new version (supporting must never make an edit fail) but shows in the body.
        as(MergeTest.resident(village, "b")).post("/api/v1/topics/{id}/supports", id).then().statusCode(201);
        Response after = read(COUNTY_STAFF, id, before);
        after.then().statusCode(200).body("supportCount", equalTo(1)).header("ETag", startsWith("\"0-"));
        assertNotEquals(before, after.header("ETag"));

        // If-Match compares the version only: the ETag read before the support still edits the topic.
        as(proposer).contentType(ContentType.JSON).header("If-Match", before)
                .body("{\"title\": \"村口路灯维修（两盏）\", \"description\": \"路灯坏了三个月\", \"themes\": [\"民生\"]}")
                .put("/api/v1/topics/{id}", id).then().statusCode(200).header("ETag", startsWith("\"1-"));
        read(COUNTY_STAFF, id, after.header("ETag")).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void callers_who_see_different_bodies_get_different_etags() {
        String village = freshVillage();
        String id = topic(MergeTest.resident(village, "a"), village);
        Response staff = read(COUNTY_STAFF, id, null);
        Response neighbour = read(MergeTest.resident(village, "b"), id, null);
        staff.then().statusCode(200).body("proposer.subject", startsWith("a@"));
        neighbour.then().statusCode(200).body("proposer", equalTo(null));
        assertNotEquals(staff.header("ETag"), neighbour.header("ETag"));
        read(MergeTest.resident(village, "b"), id, staff.header("ETag")).then().statusCode(200);
    }

    @Test
    void a_list_carries_an_etag_too_and_is_sent_gzipped_to_who_asks() {
        String village = freshVillage();
        for (int i = 0; i < 3; i++) topic(MergeTest.resident(village, "p" + i), village);
        Response list = as(COUNTY_STAFF).get("/api/v1/topics?territory=" + village);
        list.then().statusCode(200);
        String etag = list.header("ETag");
        assertTrue(etag.matches("\"[0-9a-f]{16}\""), "a list has no version, its ETag is the digest: " + etag);
        as(COUNTY_STAFF).header("If-None-Match", etag).get("/api/v1/topics?territory=" + village).then().statusCode(304);

        Response zipped = as(COUNTY_STAFF).header("Accept-Encoding", "gzip").get("/api/v1/topics?territory=" + village);
        zipped.then().statusCode(200).header("Content-Encoding", "gzip").body("items.size()", equalTo(3));
        // A client that does not ask (REST Assured asks unless its decoders are off) gets it plain.
        Response plain = as(COUNTY_STAFF).config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .get("/api/v1/topics?territory=" + village);
        plain.then().statusCode(200).body("items.size()", equalTo(3));
        assertEquals(null, plain.header("Content-Encoding"));
    }
}
