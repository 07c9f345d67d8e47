package org.shangliang.topics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.security.Roles.RESIDENT;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.commons.testing.EventsTestKit.typeAndSubject;
import static org.shangliang.commons.testing.EventsTestKit.value;
import static org.shangliang.topics.Fixtures.HUIMIN_STREET;
import static org.shangliang.topics.Fixtures.topicBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** 合并: the survivor takes supporters and co-signers once each; the merged topic refuses moves naming the survivor and keeps its timeline. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class MergeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
    static final String ORGANIZER_HUIMIN = TestTokens.as(ORGANIZER, HUIMIN_STREET).token();

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
    }

    static String resident(String village, String who) {
        return TestTokens.as(RESIDENT, village).subject(who + "@" + village).name(who).token();
    }

    @Test
    void merging_carries_supporters_and_co_signers_once_and_the_merged_topic_points_to_the_survivor() {
        String village = TopicIntakeTest.village();
        String a = resident(village, "a");
        String b = resident(village, "b");
        String survivor = TopicIntakeTest.post(a, "/api/v1/topics", topicBody(village, "建蜜梨销售网点")).statusCode(201).extract().path("id");
        String merged = TopicIntakeTest.post(b, "/api/v1/topics", topicBody(village, "蜜梨销售点")).statusCode(201).extract().path("id");
        // c supports both (counted once after the merge); d supports the merged one only; e co-signed the merged one.
        as(resident(village, "c")).post("/api/v1/topics/{id}/supports", survivor).then().statusCode(201);
        as(resident(village, "c")).post("/api/v1/topics/{id}/supports", merged).then().statusCode(201);
        as(resident(village, "d")).post("/api/v1/topics/{id}/supports", merged).then().statusCode(201);
        as(b).contentType(ContentType.JSON).body("{\"subjects\": [\"e@" + village + "\"]}").post("/api/v1/topics/{id}/cosigners", merged).then().statusCode(200);
        as(resident(village, "e")).post("/api/v1/topics/{id}/cosigners/me/confirm", merged).then().statusCode(200);

        as(a).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"into\": \"" + survivor + "\", \"note\": \"同一事项\"}")
                .post("/api/v1/topics/{id}/merge", merged).then().statusCode(403);
        as(ORGANIZER_HUIMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"into\": \"" + merged + "\", \"note\": \"自己\"}")
                .post("/api/v1/topics/{id}/merge", merged).then().statusCode(422).body("violations.field", hasItem("into"));
        as(ORGANIZER_HUIMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"into\": \"" + survivor + "\", \"note\": \"与蜜梨销售网点为同一事项，合并办理\"}")
                .post("/api/v1/topics/{id}/merge", merged).then().statusCode(200).body("status", equalTo("MERGED")).body("mergedInto", equalTo(survivor));

        // c once, d, and b (the merged topic's proposer) support the survivor now: 3.
        as(ORGANIZER_HUIMIN).get("/api/v1/topics/{id}", survivor).then().body("supportCount", equalTo(3));
        as(a).get("/api/v1/topics/{id}/cosigners", survivor).then().body("subject", equalTo(List.of("e@" + village)))
                .body("status", equalTo(List.of("CONFIRMED")));
        Contracts.assertValid("TopicMerged", value(kafka.await(kafka.topic("topics"), typeAndSubject("TopicMerged", merged), WAIT)));

        as(ORGANIZER_HUIMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{}").post("/api/v1/topics/{id}/accept", merged).then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString(survivor));
        as(b).get("/api/v1/topics/{id}/timeline", merged).then().statusCode(200).body("kind", hasItem("MERGED")).body("refId", hasItem(survivor));
        as(resident(village, "f")).get("/api/v1/topics/{id}", merged).then().statusCode(200).body("mergedInto", equalTo(survivor));
        as(a).get("/api/v1/topics/{id}/timeline", survivor).then().body("kind", hasItem("MERGED_IN"));
        // The survivor goes on: accepted as usual.
        as(ORGANIZER_HUIMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").post("/api/v1/topics/{id}/accept", survivor).then().statusCode(200);
    }
}
