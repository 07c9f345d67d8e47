package org.shangliang.sessions;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.DirectoryFixtures;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** 日程订阅: the feeds written by ical4j and parsed back by it, as a calendar app would read them. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class CalendarFeedTest {

    static final String STAFF = TestTokens.as(Roles.CPPCC_STAFF, "330421").token();

    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
    @jakarta.inject.Inject ReferenceCopy copy;
    @jakarta.inject.Inject jakarta.persistence.EntityManager em;

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
        SessionFlowTest.unitsInDirectory(kafka, copy);
    }

    String village() {
        return DirectoryFixtures.territory(kafka, copy, "330421003" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)), false);
    }

    String topic(String village) {
        String topic = UUID.randomUUID().toString();
        kafka.send(kafka.topic("topics"), topic, "TopicAccepted", "/shangliang/topics-service", """
                {"topicId": "%s", "number": "YT-2026-%04d", "title": "村道提升改造", "territoryCode": "%s", "level": "VILLAGE", "acceptedAt": "2026-11-21T01:00:00Z"}
                """.formatted(topic, ThreadLocalRandom.current().nextInt(10000), village));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> as(STAFF).queryParam("territory", village)
                .get("/api/v1/consultable-topics").then().extract().<List<String>>path("items.topicId").contains(topic));
        return topic;
    }

    static Optional<VEvent> event(String ics, String sessionId) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.<VEvent>getComponents().stream()
                .filter(e -> e.getProperty(Property.UID).map(Property::getValue).orElse("").equals(sessionId + "@shangliang")).findFirst();
    }

    static String prop(VEvent e, String name) {
        return e.getProperty(name).map(Property::getValue).orElse(null);
    }

    String publicFeed(String village) {
        return given().queryParam("territory", village).get("/api/v1/calendar/public.ics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/calendar")).extract().asString();
    }

    @Test
    void the_public_feed_needs_no_token_and_a_moved_or_cancelled_session_updates_the_same_event() throws Exception {
        String village = village();
        JsonPath s = as(STAFF).contentType(ContentType.JSON).body(SessionFlowTest.sessionBody(village, topic(village))).post("/api/v1/sessions")
                .then().statusCode(201).extract().jsonPath();
        String id = s.getString("id");
        VEvent scheduled = event(publicFeed(village), id).orElseThrow();
        assertEquals("0", prop(scheduled, Property.SEQUENCE));
        assertEquals("CONFIRMED", prop(scheduled, Property.STATUS));
        assertEquals("20261203T063000Z", prop(scheduled, Property.DTSTART));
        assertEquals("20261203T083000Z", prop(scheduled, Property.DTEND));
        assertEquals("惠通村文化礼堂", prop(scheduled, Property.LOCATION));

        as(STAFF).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\": \"台风预警\"}").post("/api/v1/sessions/{id}/postpone", id).then().statusCode(200);
        VEvent postponed = event(publicFeed(village), id).orElseThrow();
        assertEquals("1", prop(postponed, Property.SEQUENCE));
        assertEquals("TENTATIVE", prop(postponed, Property.STATUS));
        as(STAFF).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"startsAt\": \"2026-12-10T06:30:00Z\"}").post("/api/v1/sessions/{id}/reschedule", id).then().statusCode(200);
        VEvent moved = event(publicFeed(village), id).orElseThrow();
        assertEquals("2", prop(moved, Property.SEQUENCE));
        assertEquals("CONFIRMED", prop(moved, Property.STATUS));
        assertEquals("20261210T063000Z", prop(moved, Property.DTSTART));
        as(STAFF).contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"reason\": \"改为线上征求意见\"}").post("/api/v1/sessions/{id}/cancel", id).then().statusCode(200);
        VEvent cancelled = event(publicFeed(village), id).orElseThrow();
        assertEquals("3", prop(cancelled, Property.SEQUENCE));
        assertEquals("CANCELLED", prop(cancelled, Property.STATUS));
        assertTrue(prop(cancelled, Property.DESCRIPTION).contains("改为线上征求意见"));
    }

    @Test
    void a_personal_feed_by_token_shows_the_persons_sessions_internal_ones_too_and_a_rotated_token_stops_the_old_link() throws Exception {
        String village = village();
        String person = "member-feed-" + UUID.randomUUID();
        String internal = as(STAFF).contentType(ContentType.JSON).body(SessionFlowTest.sessionBody(village, topic(village))
                        .replace("\"agenda\"", "\"visibility\": \"INTERNAL\", \"agenda\"")).post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        as(STAFF).contentType(ContentType.JSON).body("{\"participants\": [{\"role\": \"EXPERT\", \"name\": \"专家\", \"subject\": \"" + person + "\"}]}")
                .post("/api/v1/sessions/{id}/participants", internal).then().statusCode(201);
        assertFalse(event(publicFeed(village), internal).isPresent(), "an internal session is not in the public feed");

        String token = TestTokens.as(Roles.MEMBER, "330421").subject(person).token();
        given().post("/api/v1/calendar/feed-token").then().statusCode(401);
        String url = as(token).post("/api/v1/calendar/feed-token").then().statusCode(200).extract().path("url");
        String mine = given().get(url).then().statusCode(200).extract().asString(); // no bearer token: the link is the credential
        assertTrue(event(mine, internal).isPresent(), "the invited person's feed holds the internal session");
        String replaced = as(token).post("/api/v1/calendar/feed-token").then().statusCode(200).extract().path("url");
        given().get(url).then().statusCode(404).contentType("application/problem+json");
        given().get(replaced).then().statusCode(200);
        given().get("/api/v1/calendar/feeds/{token}.ics", "x").then().statusCode(400);
    }
}
