package org.shangliang.topics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.GRID_WORKER;
import static org.shangliang.commons.security.Roles.MEMBER;
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
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** Drafts, proxy intake, who sees a topic waiting for screening, anonymity, withdrawal, conversion, the support threshold and the screening queue. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class TopicIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
    }

    /** A fresh village under Huimin street, in the directory. */
    static String village() {
        return Fixtures.freshArea(HUIMIN_STREET);
    }

    static String resident(String village, String who) {
        return TestTokens.as(RESIDENT, village).subject(who + "@" + village).name(who).token();
    }

    static ValidatableResponse post(String token, String path, String body, Object... params) {
        return as(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path, params).then();
    }

    static ValidatableResponse move(String token, String path, long version, String body, Object id) {
        var spec = as(token).header("If-Match", "\"" + version + "\"");
        if (body != null) spec = spec.contentType(ContentType.JSON).body(body);
        return spec.post(path, id).then();
    }

    @Test
    void a_draft_is_its_authors_alone_until_submitted_and_only_then_numbered_and_announced() {
        String village = village();
        String wang = resident(village, "wang");
        String id = post(wang, "/api/v1/topics", topicBody(village, "村口垃圾点位草稿").replace("\"channel\"", "\"draft\": true, \"channel\"")).statusCode(201)
                .body("status", equalTo("DRAFT")).body("number", nullValue()).body("allowedActions", hasItem("SUBMIT")).extract().path("id");
        String staff = TestTokens.as(CPPCC_STAFF, "330421").token();
        as(staff).get("/api/v1/topics/{id}", id).then().statusCode(404);
        as(resident(village, "li")).get("/api/v1/topics/{id}", id).then().statusCode(404);
        as(staff).queryParam("territory", village).get("/api/v1/topics").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(wang).queryParam("status", "DRAFT").get("/api/v1/topics").then().body("items.id", hasItem(id));
        as(wang).get("/api/v1/topics").then().body("items.id", not(hasItem(id)));
        as(wang).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"title\": \"村口垃圾点位\", \"description\": \"建议增设分类垃圾桶\"}")
                .put("/api/v1/topics/{id}", id).then().statusCode(200).body("status", equalTo("DRAFT"));
        as(staff).header("If-Match", "\"1\"").post("/api/v1/topics/{id}/submit", id).then().statusCode(404);
        String number = move(wang, "/api/v1/topics/{id}/submit", 1, null, id).statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("number", notNullValue()).extract().path("number");
        as(staff).get("/api/v1/topics/{id}", id).then().statusCode(200).body("number", equalTo(number));
        Contracts.assertValid("TopicSubmitted", value(kafka.await(kafka.topic("topics"), typeAndSubject("TopicSubmitted", id), WAIT)));
        move(wang, "/api/v1/topics/{id}/submit", 2, null, id).statusCode(409).body("detail", containsString("SUBMITTED"));
        as(wang).get("/api/v1/topics/{id}/timeline", id).then().body("kind", equalTo(List.of("DRAFTED", "EDITED", "SUBMITTED")));
    }

    @Test
    void a_grid_worker_files_for_a_resident_who_is_the_proposer_and_both_are_on_the_record() {
        String village = village();
        String grid = TestTokens.as(GRID_WORKER, village).subject("grid-zhang").name("张网格").token();
        String body = topicBody(village, "独居老人助餐").replace("\"channel\"",
                "\"onBehalfOf\": {\"name\": \"王奶奶\", \"phone\": \"13900000000\", \"subject\": \"granny-wang\"}, \"channel\"");
        String id = post(grid, "/api/v1/topics", body).statusCode(201).body("channel", equalTo("GRID_PROXY"))
                .body("proposer.subject", equalTo("granny-wang")).body("proposer.name", equalTo("王奶奶"))
                .body("proposer.filedBy", equalTo("grid-zhang")).extract().path("id");
        as(TestTokens.as(RESIDENT, village).subject("granny-wang").token()).get("/api/v1/topics/{id}", id).then().statusCode(200)
                .body("proposer.contactPhone", equalTo("13900000000"));
        as(grid).get("/api/v1/topics/{id}/timeline", id).then().body("summary[0]", containsString("网格员 张网格 代 王奶奶"));
        // Without a login the resident still gets a proposer of their own.
        String noLogin = post(grid, "/api/v1/topics", topicBody(village, "路灯不亮").replace("\"channel\"", "\"onBehalfOf\": {\"name\": \"李大爷\"}, \"channel\""))
                .statusCode(201).extract().path("id");
        as(grid).get("/api/v1/topics/{id}", noLogin).then().body("proposer.subject", equalTo("proxy:" + noLogin));
        post(resident(village, "wang"), "/api/v1/topics", body).statusCode(400).body("violations.field", hasItem("onBehalfOf"));
    }

    @Test
    void residents_of_the_territory_see_a_topic_waiting_for_screening_and_an_anonymous_proposer_stays_unnamed() {
        String village = village();
        String other = village();
        String wang = resident(village, "wang");
        String named = post(wang, "/api/v1/topics", topicBody(village, "桥栏杆松动")).statusCode(201).extract().path("id");
        String anonymous = post(wang, "/api/v1/topics", topicBody(village, "邻里噪音").replace("\"channel\"", "\"anonymous\": true, \"channel\"")).statusCode(201).extract().path("id");
        String li = resident(village, "li");
        as(li).get("/api/v1/topics/{id}", named).then().statusCode(200).body("proposerName", equalTo("wang")).body("proposer", nullValue());
        as(li).get("/api/v1/topics/{id}", anonymous).then().statusCode(200).body("proposerName", nullValue()).body("proposer", nullValue());
        as(li).queryParam("status", "SUBMITTED").get("/api/v1/topics").then().body("items.id", hasItem(named));
        as(li).get("/api/v1/topics").then().body("items.id", hasItem(anonymous));
        as(TestTokens.as(MEMBER, village).token()).get("/api/v1/topics/{id}", named).then().statusCode(200);
        as(resident(other, "zhao")).get("/api/v1/topics/{id}", named).then().statusCode(404);
        as(resident(other, "zhao")).queryParam("status", "SUBMITTED").get("/api/v1/topics").then().body("items.id", not(hasItem(named)));
        as(TestTokens.as(ORGANIZER, HUIMIN_STREET).token()).get("/api/v1/topics/{id}", anonymous).then()
                .body("proposer.name", equalTo("wang")).body("proposer.anonymous", equalTo(true));
        // A township topic is seen by the residents of every village under it.
        String townshipTopic = post(TestTokens.as(RESIDENT, HUIMIN_STREET).subject("street-resident").token(), "/api/v1/topics",
                topicBody(HUIMIN_STREET, "街道公交线路").replace("\"VILLAGE\"", "\"TOWNSHIP\"")).statusCode(201).extract().path("id");
        as(li).get("/api/v1/topics/{id}", townshipTopic).then().statusCode(200);
    }

    @Test
    void the_proposer_withdraws_before_scheduling_and_the_screeners_convert() {
        String village = village();
        String wang = resident(village, "wang");
        String organizer = TestTokens.as(ORGANIZER, HUIMIN_STREET).token();
        String id = post(wang, "/api/v1/topics", topicBody(village, "修缮祠堂")).statusCode(201).extract().path("id");
        move(resident(village, "li"), "/api/v1/topics/{id}/withdraw", 0, "{\"reason\": \"不是我的\"}", id).statusCode(403);
        move(organizer, "/api/v1/topics/{id}/accept", 0, "{}", id).statusCode(200);
        move(wang, "/api/v1/topics/{id}/withdraw", 1, "{\"reason\": \"已与邻居协商解决\"}", id).statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("screeningNote", equalTo("已与邻居协商解决"));
        Contracts.assertValid("TopicWithdrawn", value(kafka.await(kafka.topic("topics"), typeAndSubject("TopicWithdrawn", id), WAIT)));
        move(organizer, "/api/v1/topics/{id}/accept", 2, "{}", id).statusCode(409).body("detail", containsString("WITHDRAWN"));

        String scheduled = post(wang, "/api/v1/topics", topicBody(village, "村道拓宽")).statusCode(201).extract().path("id");
        move(organizer, "/api/v1/topics/{id}/accept", 0, "{}", scheduled).statusCode(200);
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "SessionScheduled", "/shangliang/sessions-service", TopicEventsTest.scheduled(session, scheduled));
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> as(wang).get("/api/v1/topics/{id}", scheduled).then().body("status", equalTo("SCHEDULED")));
        long version = ((Number) as(wang).get("/api/v1/topics/{id}", scheduled).then().extract().path("version")).longValue();
        move(wang, "/api/v1/topics/{id}/withdraw", version, "{\"reason\": \"算了\"}", scheduled).statusCode(409)
                .body("detail", containsString("SCHEDULED"));

        String converted = post(wang, "/api/v1/topics", topicBody(village, "建议增设快递柜")).statusCode(201).extract().path("id");
        move(wang, "/api/v1/topics/{id}/convert", 0, "{\"note\": \"x\"}", converted).statusCode(403);
        move(organizer, "/api/v1/topics/{id}/convert", 0, "{\"note\": \"转邮政部门作为意见建议\"}", converted).statusCode(200)
                .body("status", equalTo("CONVERTED")).body("allowedActions", equalTo(List.of()));
        Contracts.assertValid("TopicConverted", value(kafka.await(kafka.topic("topics"), typeAndSubject("TopicConverted", converted), WAIT)));
        as(wang).get("/api/v1/topics/{id}/timeline", converted).then().body("kind", hasItem("CONVERTED"));
    }

    @Test
    void reaching_the_support_threshold_flags_a_topic_and_puts_it_first_in_the_screening_queue() {
        String village = village();
        String organizer = TestTokens.as(ORGANIZER, HUIMIN_STREET).token();
        String older = post(resident(village, "a"), "/api/v1/topics", topicBody(village, "早提的议题")).statusCode(201).extract().path("id");
        String popular = post(resident(village, "b"), "/api/v1/topics", topicBody(village, "大家都关心的议题")).statusCode(201).extract().path("id");
        List<String> before = as(organizer).queryParam("territory", village).get("/api/v1/topics/screening-queue").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(older, popular), before, "oldest first while nothing is flagged");
        for (String who : List.of("c", "d", "e")) {
            as(resident(village, who)).post("/api/v1/topics/{id}/supports", popular).then().statusCode(201);
        }
        as(organizer).get("/api/v1/topics/{id}", popular).then().body("flaggedAt", notNullValue()).body("supportCount", equalTo(3));
        as(organizer).get("/api/v1/topics/{id}", older).then().body("flaggedAt", nullValue());
        List<String> after = as(organizer).queryParam("territory", village).get("/api/v1/topics/screening-queue").then().extract().path("items.id");
        assertEquals(List.of(popular, older), after, "the flagged topic first (threshold 3 for a village in the test profile)");
        as(organizer).get("/api/v1/topics/{id}/timeline", popular).then().body("kind", hasItem("FLAGGED"));
        // One page at a time, in the same order.
        var first = as(organizer).queryParam("territory", village).queryParam("limit", 1).get("/api/v1/topics/screening-queue").then().extract();
        assertEquals(List.of(popular), first.path("items.id"));
        as(organizer).queryParam("territory", village).queryParam("limit", 1).queryParam("cursor", (String) first.path("nextCursor"))
                .get("/api/v1/topics/screening-queue").then().body("items.id", equalTo(List.of(older)));
        as(resident(village, "x")).get("/api/v1/topics/screening-queue").then().statusCode(403);
        as(TestTokens.as(ORGANIZER, "330421001").token()).queryParam("territory", village).get("/api/v1/topics/screening-queue").then().statusCode(403);
    }
}
