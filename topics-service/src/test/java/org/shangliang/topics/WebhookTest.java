package org.shangliang.topics;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.topics.Fixtures.COUNTY_STAFF;
import static org.shangliang.topics.Fixtures.topicBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;
import org.shangliang.topics.messaging.in.WebhookFanout;
import org.shangliang.topics.messaging.in.WebhookFanout.FeedEvent;

/**
 * 事件推送: real events of the real broker, fanned out and POSTed to a receiver in this JVM that
 * answers as told — signed CloudEvents, only the subscribed types and territory, retries then
 * parking, replays, a slow receiver beside a fast one, SSRF attempts refused.
 */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class WebhookTest {

    /** One request the receiver got. */
    record Received(String path, Map<String, String> headers, String body, Instant at) {
    }

    static HttpServer receiver;
    static final List<Received> received = new CopyOnWriteArrayList<>();
    /** Per path: how many of its first requests fail with 503 (-1: all of them). */
    static final Map<String, Integer> failFirst = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject WebhookFanout fanout;
    @Inject org.shangliang.topics.messaging.out.WebhookHousekeeping housekeeping;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            int n = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            if (path.startsWith("/slow")) sleep(1_200);
            int fail = failFirst.getOrDefault(path, 0);
            int status = fail < 0 || n <= fail ? 503 : 204;
            if (status == 204) received.add(new Received(path, headers, body, Instant.now()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    static String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    static String integration(String territory) {
        return TestTokens.as(Roles.INTEGRATION, territory).subject("township-system-" + UUID.randomUUID()).token();
    }

    static io.restassured.response.ValidatableResponse subscribe(String token, String callback, String territory, String... types) {
        String body = "{\"callbackUrl\": \"%s\", \"eventTypes\": [%s], \"territory\": \"%s\", \"description\": \"东风镇基层治理平台\"}"
                .formatted(callback, String.join(",", java.util.Arrays.stream(types).map(t -> "\"" + t + "\"").toList()), territory);
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then();
    }

    static String submit(String territory, String title) {
        return TopicIntakeTest.post(COUNTY_STAFF, "/api/v1/topics", topicBody(territory, title)).statusCode(201).extract().path("id");
    }

    static List<Received> to(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The Standard Webhooks signature, computed here from the specification, not with the service's code. */
    static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void deliveries_are_signed_cloudevents_of_the_subscribed_types_and_territory_only() throws Exception {
        String area = Fixtures.freshVillage();
        String elsewhere = Fixtures.freshVillage();
        String token = integration(area);
        String path = "/ok-" + UUID.randomUUID();
        var created = subscribe(token, url(path), area, "TopicSubmitted", "TopicAccepted").statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/webhooks/"))
                .body("secret", startsWith("whsec_")).body("subscription.territory", equalTo(area))
                .body("subscription.active", equalTo(true)).extract();
        String secret = created.path("secret");
        String id = created.path("subscription.id");

        String topic = submit(area, "惠通村路灯维修");
        as(COUNTY_STAFF).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").post("/api/v1/topics/{id}/accept", topic).then().statusCode(200);
        submit(elsewhere, "别处的议题");

        await().atMost(Duration.ofSeconds(30)).until(() -> to(path).size() >= 2);
        Thread.sleep(500); // nothing else arrives: not the other territory's topic, not its withdrawal or anything unsubscribed
        List<Received> got = to(path);
        assertEquals(2, got.size(), "TopicSubmitted and TopicAccepted of the one topic: " + got);
        List<String> types = new ArrayList<>();
        for (Received r : got) {
            assertEquals("application/cloudevents+json; charset=utf-8", r.headers().get("content-type"));
            JsonNode ce = JSON.readTree(r.body());
            assertEquals("1.0", ce.path("specversion").asText());
            assertEquals("/shangliang/topics-service", ce.path("source").asText());
            assertEquals(area, ce.path("territory").asText());
            assertEquals(topic, ce.path("data").path("topicId").asText());
            // What an integration does not read through the API either: who proposed it, the screening note.
            assertTrue(ce.path("data").path("proposer").isMissingNode() && ce.path("data").path("coSigners").isMissingNode()
                    && ce.path("data").path("note").isMissingNode(), r.body());
            assertEquals(r.headers().get("webhook-id"), ce.path("id").asText());
            String timestamp = r.headers().get("webhook-timestamp");
            assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 60, "a current timestamp");
            assertEquals(expectedSignature(secret, ce.path("id").asText(), timestamp, r.body()), r.headers().get("webhook-signature"));
            types.add(ce.path("type").asText());
        }
        assertEquals(List.of("TopicAccepted", "TopicSubmitted"), types.stream().sorted().toList());

        // The log shows both delivered at the first attempt; the subscription counts them.
        await().atMost(Duration.ofSeconds(10)).until(() -> as(token).get("/api/v1/webhooks/{id}", id).then().extract().<Integer>path("deliveries.DELIVERED") == 2);
        as(token).get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items.status", equalTo(List.of("DELIVERED", "DELIVERED")))
                .body("items.attempts", equalTo(List.of(1, 1))).body("items.lastResponseCode", equalTo(List.of(204, 204)));
        String deliveryId = as(token).get("/api/v1/webhooks/{id}/deliveries", id).then().extract().path("items[0].id");
        String sent = as(token).get("/api/v1/webhooks/{id}/deliveries/{d}/body", id, deliveryId).then().statusCode(200).extract().asString();
        assertTrue(got.stream().anyMatch(r -> r.body().equals(sent)), "the body is kept as sent");
        // No secret after creation.
        assertFalse(as(token).get("/api/v1/webhooks/{id}", id).then().extract().asString().contains("whsec_"));
    }

    @Test
    void a_failing_receiver_is_retried_with_backoff_then_parked_and_a_replay_delivers_it() throws Exception {
        String area = Fixtures.freshVillage();
        String token = integration(area);
        String flaky = "/flaky-" + UUID.randomUUID();
        String down = "/down-" + UUID.randomUUID();
        failFirst.put(flaky, 2);
        failFirst.put(down, -1);
        String flakyId = subscribe(token, url(flaky), area, "TopicSubmitted").statusCode(201).extract().path("subscription.id");
        String downId = subscribe(token, url(down), area, "TopicSubmitted").statusCode(201).extract().path("subscription.id");
        submit(area, "路灯维修");

        // Two 503s, then delivered at the third attempt.
        await().atMost(Duration.ofSeconds(30)).until(() -> to(flaky).size() == 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(token).get("/api/v1/webhooks/{id}/deliveries", flakyId).then()
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(3)).body("items[0].lastResponseCode", equalTo(204)));
        assertEquals(3, hits.get(flaky).get());

        // While it is being retried it is PENDING, and a replay would only send it twice: 409 naming what is allowed.
        String deliveryId = as(token).get("/api/v1/webhooks/{id}/deliveries", downId).then().extract().path("items[0].id");
        as(token).post("/api/v1/webhooks/{id}/deliveries/{d}/replay", downId, deliveryId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("PENDING"));
        // Failing for the whole retry period (3 s in tests): parked, with the last answer on record.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(token).get("/api/v1/webhooks/{id}/deliveries", downId).then()
                .body("items[0].status", equalTo("PARKED")).body("items[0].parkedReason", equalTo("retry period over"))
                .body("items[0].lastResponseCode", equalTo(503)));
        int attempts = as(token).get("/api/v1/webhooks/{id}/deliveries", downId).then().extract().path("items[0].attempts");
        assertTrue(attempts >= 3 && attempts <= 15, "retried with growing waits, not hammered: " + attempts);
        assertEquals(attempts, hits.get(down).get());
        Thread.sleep(1_000);
        assertEquals(attempts, hits.get(down).get(), "a parked delivery is not attempted");

        // The receiver is mended; replaying the parked ones delivers them, same event id.
        failFirst.put(down, 0);
        as(token).post("/api/v1/webhooks/{id}/replay", downId).then().statusCode(200).body("replayed", equalTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> to(down).size() == 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(token).get("/api/v1/webhooks/{id}/deliveries", downId).then()
                .body("items[0].status", equalTo("DELIVERED")));
        // A delivered event may be sent again on purpose: it keeps its webhook-id.
        as(token).post("/api/v1/webhooks/{id}/deliveries/{d}/replay", downId, deliveryId).then().statusCode(200).body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(10)).until(() -> to(down).size() == 2);
        assertEquals(to(down).get(0).headers().get("webhook-id"), to(down).get(1).headers().get("webhook-id"));
    }

    @Test
    void a_slow_receiver_does_not_hold_up_another() {
        String area = Fixtures.freshVillage();
        String token = integration(area);
        String slow = "/slow-" + UUID.randomUUID();
        String fast = "/fast-" + UUID.randomUUID();
        String slowId = subscribe(token, url(slow), area, "TopicSubmitted").statusCode(201).extract().path("subscription.id");
        subscribe(token, url(fast), area, "TopicSubmitted").statusCode(201);
        for (int i = 0; i < 10; i++) submit(area, "议题" + i);

        // The slow receiver takes 1.2 s a request and has 4 attempts in flight at most: 10 take three rounds.
        await().atMost(Duration.ofSeconds(30)).until(() -> to(fast).size() == 10);
        int slowDone = to(slow).size();
        assertTrue(slowDone < 10, "the fast receiver had everything while the slow one had " + slowDone);
        await().atMost(Duration.ofSeconds(30)).until(() -> to(slow).size() == 10);
        as(token).get("/api/v1/webhooks/{id}", slowId).then().body("deliveries.DELIVERED", equalTo(10));
    }

    @Test
    void a_redelivered_event_is_queued_once() {
        String area = Fixtures.freshVillage();
        String token = integration(area);
        String id = subscribe(token, url("/once-" + UUID.randomUUID()), area, "TopicAccepted").statusCode(201).extract().path("subscription.id");
        FeedEvent event = new FeedEvent(UUID.randomUUID().toString(), "TopicAccepted", "/shangliang/topics-service", UUID.randomUUID().toString(),
                Instant.now().plusSeconds(1), area, false, "{\"topicId\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, fanout.apply(List.of(event)));
        assertEquals(0, fanout.apply(List.of(event)), "the same event id again adds nothing");
        // Events of another territory, of a type not subscribed, or from before the subscription are not queued.
        assertEquals(0, fanout.apply(List.of(
                new FeedEvent(UUID.randomUUID().toString(), "TopicAccepted", "/shangliang/topics-service", null, Instant.now(), "330421001", false, "{}".getBytes()),
                new FeedEvent(UUID.randomUUID().toString(), "TopicRejected", "/shangliang/topics-service", null, Instant.now(), area, false, "{}".getBytes()),
                new FeedEvent(UUID.randomUUID().toString(), "TopicAccepted", "/shangliang/topics-service", null, Instant.now().minusSeconds(3600), area, false, "{}".getBytes()),
                // An internal session's outcome (ce_internal): for its territory's staff, never an integration.
                new FeedEvent(UUID.randomUUID().toString(), "TopicAccepted", "/shangliang/topics-service", null, Instant.now().plusSeconds(1), area, true, "{}".getBytes()))));
        as(token).get("/api/v1/webhooks/{id}/deliveries", id).then().body("items.eventId", equalTo(List.of(event.id())));
    }

    @Test
    void delivered_deliveries_leave_the_log_after_their_time_and_undelivered_ones_stay() {
        String area = Fixtures.freshVillage();
        String token = integration(area);
        String ok = "/kept-" + UUID.randomUUID();
        String down = "/still-down-" + UUID.randomUUID();
        failFirst.put(down, -1);
        String okId = subscribe(token, url(ok), area, "TopicAccepted").statusCode(201).extract().path("subscription.id");
        String downId = subscribe(token, url(down), area, "TopicAccepted").statusCode(201).extract().path("subscription.id");
        fanout.apply(List.of(new FeedEvent(UUID.randomUUID().toString(), "TopicAccepted", "/shangliang/topics-service", null,
                Instant.now().plusSeconds(1), area, false, "{\"topicId\": \"y\"}".getBytes(StandardCharsets.UTF_8))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(token).get("/api/v1/webhooks/{id}/deliveries", okId).then()
                .body("items.status", equalTo(List.of("DELIVERED"))));
        housekeeping.purge(Instant.now().minus(Duration.ofDays(30)));
        as(token).get("/api/v1/webhooks/{id}/deliveries", okId).then().body("items.size()", equalTo(1));
        assertTrue(housekeeping.purge(Instant.now().plusSeconds(1)) >= 1);
        as(token).get("/api/v1/webhooks/{id}/deliveries", okId).then().body("items.size()", equalTo(0));
        as(token).get("/api/v1/webhooks/{id}/deliveries", downId).then().body("items.size()", equalTo(1))
                .body("items[0].status", org.hamcrest.Matchers.oneOf("PENDING", "PARKED"));
    }

    @Test
    void callback_urls_into_the_platforms_network_are_refused() {
        String area = Fixtures.freshVillage();
        String token = integration(area);
        for (String url : List.of("https://10.1.2.3/hook", "https://169.254.169.254/latest/meta-data/", "https://127.0.0.2/hook",
                "https://[::1]/hook", "https://192.168.1.10/hook", "https://172.16.5.4/hook", "https://100.64.0.1/hook", "https://[fd00::1]/hook",
                "https://[::ffff:10.0.0.1]/hook", "https://0.0.0.0/hook", "https://[fe80::1]/hook", "ftp://example.org/hook",
                "https://user:secret@example.org/hook", "not a url", "https://no-such-host.invalid/hook")) {
            subscribe(token, url, area, "TopicAccepted").statusCode(422).contentType("application/problem+json")
                    .body("violations.field", hasItem("callbackUrl"));
        }
    }

    @Test
    void subscriptions_are_their_owners_within_their_territory() {
        String area = Fixtures.freshVillage();
        String token = integration(area);
        String id = subscribe(token, url("/mine"), area, "TopicAccepted").statusCode(201).extract().path("subscription.id");
        String another = integration(area);
        as(another).get("/api/v1/webhooks/{id}", id).then().statusCode(404);
        as(another).get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(404);
        as(another).delete("/api/v1/webhooks/{id}", id).then().statusCode(404);
        as(another).get("/api/v1/webhooks").then().statusCode(200).body("items.size()", equalTo(0));
        as(token).get("/api/v1/webhooks").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        // Above its territory: 403; an unknown type: 422 naming the field; a person, not an integration: 403.
        subscribe(token, url("/up"), Fixtures.HUIMIN_STREET, "TopicAccepted").statusCode(403);
        subscribe(token, url("/x"), area, "TopicAccepted", "TerritoryRecorded", "NoSuchEvent").statusCode(422)
                .body("violations.field", hasItem("eventTypes")).body("detail", org.hamcrest.Matchers.containsString("NoSuchEvent"));
        subscribe(COUNTY_STAFF, url("/x"), area, "TopicAccepted").statusCode(403);
        as(token).get("/api/v1/webhooks/event-types").then().statusCode(200).body("type", hasItem("CaseClosed"))
                .body("type.size()", equalTo(35));
        // Changes need the version read; pausing and rotating the secret.
        as(token).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body("{\"callbackUrl\": \"%s\", \"eventTypes\": [\"TopicAccepted\"], \"active\": false}".formatted(url("/mine")))
                .put("/api/v1/webhooks/{id}", id).then().statusCode(412);
        as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"callbackUrl\": \"%s\", \"eventTypes\": [\"TopicAccepted\"], \"active\": false}".formatted(url("/mine")))
                .put("/api/v1/webhooks/{id}", id).then().statusCode(200).body("active", equalTo(false)).body("territory", equalTo(area));
        as(token).header("If-Match", "\"1\"").post("/api/v1/webhooks/{id}/secret", id).then().statusCode(200).body("secret", startsWith("whsec_"));
        as(token).delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        as(token).get("/api/v1/webhooks/{id}", id).then().statusCode(404);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
