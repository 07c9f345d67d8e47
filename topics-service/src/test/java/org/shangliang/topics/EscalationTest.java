package org.shangliang.topics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.security.Roles.RESIDENT;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.commons.testing.EventsTestKit.typeAndSubject;
import static org.shangliang.commons.testing.EventsTestKit.value;
import static org.shangliang.topics.Fixtures.HUIMIN_STREET;
import static org.shangliang.topics.Fixtures.JIASHAN;
import static org.shangliang.topics.Fixtures.topicBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** 上报 / 下转: a topic goes village → township → county, is returned once, is handed down, and every hop is kept. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class EscalationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
    static final String TOWNSHIP = TestTokens.as(ORGANIZER, HUIMIN_STREET).subject("huimin-office").token();
    static final String COUNTY = TestTokens.as(CPPCC_STAFF, JIASHAN).subject("county-office").token();

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
    }

    static long version(String token, String id) {
        return ((Number) as(token).get("/api/v1/topics/{id}", id).then().statusCode(200).extract().path("version")).longValue();
    }

    static ValidatableResponse send(String token, String id, String to, String reason) {
        return as(token).contentType(ContentType.JSON).header("If-Match", "\"" + version(token, id) + "\"")
                .body("{\"toTerritory\": \"%s\", \"reason\": \"%s\"}".formatted(to, reason)).post("/api/v1/topics/{id}/hops", id).then();
    }

    static ValidatableResponse answer(String token, String id, String how, String body) {
        var spec = as(token).header("If-Match", "\"" + version(token, id) + "\"");
        if (body != null) spec = spec.contentType(ContentType.JSON).body(body);
        return spec.post("/api/v1/topics/{id}/hops/pending/" + how, id).then();
    }

    @Test
    void a_village_topic_goes_up_to_the_township_and_the_county_which_returns_it_once_then_takes_it() {
        String village = TopicIntakeTest.village();
        String villageOrganizer = TestTokens.as(ORGANIZER, village).subject("village-committee").token();
        String id = TopicIntakeTest.post(TestTokens.as(RESIDENT, village).subject("wang@" + village).token(), "/api/v1/topics",
                topicBody(village, "跨村土地调整")).statusCode(201).extract().path("id");

        as(TestTokens.as(RESIDENT, village).token()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"toTerritory\": \"" + HUIMIN_STREET + "\", \"reason\": \"x\"}").post("/api/v1/topics/{id}/hops", id).then().statusCode(403);
        send(villageOrganizer, id, "330421003202", "送到别的村").statusCode(422).body("violations.field", hasItem("toTerritory"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String due = send(villageOrganizer, id, HUIMIN_STREET, "涉及跨村土地调整，超出村级协商范围").statusCode(201)
                .body("direction", equalTo("UP")).body("toLevel", equalTo("TOWNSHIP")).body("status", equalTo("PENDING")).body("overdue", equalTo(false))
                .extract().path("dueOn");
        assertTrue(LocalDate.parse(due).isAfter(today.plusDays(4)), "five working days: " + due);
        as(villageOrganizer).get("/api/v1/topics/{id}", id).then().body("status", equalTo("ESCALATED")).body("pendingHopTo", equalTo(HUIMIN_STREET));
        Contracts.assertValid("TopicEscalated", value(kafka.await(kafka.topic("topics"), typeAndSubject("TopicEscalated", id), WAIT)));
        send(villageOrganizer, id, JIASHAN, "再送").statusCode(409).body("detail", containsString("ESCALATED"));
        answer(villageOrganizer, id, "accept", null).statusCode(403);
        as(TOWNSHIP).get("/api/v1/topics/incoming-hops").then().statusCode(200).body("topicId", hasItem(id));

        answer(TOWNSHIP, id, "accept", null).statusCode(200).body("status", equalTo("ACCEPTED"));
        as(TOWNSHIP).get("/api/v1/topics/{id}", id).then().body("status", equalTo("SUBMITTED")).body("territoryCode", equalTo(HUIMIN_STREET))
                .body("level", equalTo("TOWNSHIP"));
        Contracts.assertValid("TopicEscalationAccepted", value(kafka.await(kafka.topic("topics"), typeAndSubject("TopicEscalationAccepted", id), WAIT)));

        send(TOWNSHIP, id, JIASHAN, "需县级统筹").statusCode(201);
        answer(COUNTY, id, "return", "{\"reason\": \"请街道先行协商\"}").statusCode(200).body("status", equalTo("RETURNED")).body("answer", equalTo("请街道先行协商"));
        Contracts.assertValid("TopicEscalationReturned", value(kafka.await(kafka.topic("topics"), typeAndSubject("TopicEscalationReturned", id), WAIT)));
        as(TOWNSHIP).get("/api/v1/topics/{id}", id).then().body("status", equalTo("SUBMITTED")).body("territoryCode", equalTo(HUIMIN_STREET));
        answer(COUNTY, id, "accept", null).statusCode(409);

        send(TOWNSHIP, id, JIASHAN, "街道协商后仍需县级统筹").statusCode(201);
        answer(COUNTY, id, "accept", null).statusCode(200);
        as(COUNTY).contentType(ContentType.JSON).header("If-Match", "\"" + version(COUNTY, id) + "\"").body("{}").post("/api/v1/topics/{id}/accept", id)
                .then().statusCode(200).body("level", equalTo("COUNTY")).body("handledLevel", equalTo("COUNTY")).body("territoryCode", equalTo(JIASHAN));
        List<String> statuses = as(COUNTY).get("/api/v1/topics/{id}/hops", id).then().statusCode(200).extract().path("status");
        assertEquals(List.of("ACCEPTED", "RETURNED", "ACCEPTED"), statuses, "village → township taken, township → county returned, then taken");
        as(COUNTY).get("/api/v1/topics/{id}/timeline", id).then()
                .body("kind", equalTo(List.of("SUBMITTED", "ESCALATED", "ESCALATION_ACCEPTED", "ESCALATED", "ESCALATION_RETURNED", "ESCALATED",
                        "ESCALATION_ACCEPTED", "ACCEPTED")));
    }

    @Test
    void the_county_hands_a_topic_down_and_only_the_receiving_township_answers() {
        String id = TopicIntakeTest.post(COUNTY, "/api/v1/topics", topicBody(JIASHAN, "街道农贸市场改造").replace("\"VILLAGE\"", "\"COUNTY\""))
                .statusCode(201).extract().path("id");
        as(TOWNSHIP).get("/api/v1/topics/{id}", id).then().statusCode(404);
        send(COUNTY, id, HUIMIN_STREET, "属街道事权，下转办理").statusCode(201).body("direction", equalTo("DOWN"));
        as(TOWNSHIP).get("/api/v1/topics/{id}", id).then().statusCode(200).body("status", equalTo("ESCALATED"));
        String weitang = TestTokens.as(ORGANIZER, "330421001").token();
        as(weitang).get("/api/v1/topics/{id}", id).then().statusCode(404);
        as(weitang).header("If-Match", "\"1\"").post("/api/v1/topics/{id}/hops/pending/accept", id).then().statusCode(404);
        answer(TOWNSHIP, id, "accept", null).statusCode(200);
        as(TOWNSHIP).get("/api/v1/topics/{id}", id).then().body("territoryCode", equalTo(HUIMIN_STREET)).body("level", equalTo("TOWNSHIP"));
        as(TOWNSHIP).get("/api/v1/topics/incoming-hops").then().body("topicId", org.hamcrest.Matchers.not(hasItem(id)));
        as(TestTokens.as(RESIDENT, HUIMIN_STREET).token()).get("/api/v1/topics/incoming-hops").then().statusCode(403);
    }
}
