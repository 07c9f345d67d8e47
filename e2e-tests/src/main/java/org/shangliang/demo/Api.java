package org.shangliang.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The public API as the demo uses it: JSON over HTTP with a bearer token, nothing else (no SQL, no
 * shortcut). A status other than the expected one stops the load with the problem the service gave;
 * a 429 (the per-caller write limit) is waited out as its Retry-After says, as any client should.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final String topics;
    final String sessions;
    final String followup;

    public Api(String topics, String sessions, String followup) {
        this.topics = strip(topics);
        this.sessions = strip(sessions);
        this.followup = strip(followup);
    }

    /** An answer: status, ETag version (or -1) and body. */
    public record Answer(int status, long version, JsonNode body) {
        public String id() {
            return body.path("id").asText();
        }
    }

    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }

    /** A map in the given order, for request bodies: {@code body("title", t, "level", "VILLAGE")}. */
    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    public Answer get(String url, String token) {
        return send("GET", url, token, null, null, null);
    }

    /** GET that must answer 200. */
    public JsonNode read(String url, String token) {
        return expect(get(url, token), 200, "GET " + url).body();
    }

    /** A create: POST with a fresh Idempotency-Key (a retry of the same call would create nothing twice). */
    public Answer create(String url, String token, Object body) {
        return send("POST", url, token, body, UUID.randomUUID().toString(), null);
    }

    /** A move or change: POST or PUT with If-Match. */
    public Answer move(String method, String url, String token, Object body, long version) {
        return send(method, url, token, body, null, "\"" + version + "\"");
    }

    public Answer put(String url, String token, Object body) {
        return send("PUT", url, token, body, null, null);
    }

    public Answer post(String url, String token, Object body) {
        return send("POST", url, token, body, null, null);
    }

    public static Answer expect(Answer a, int status, String what) {
        if (a.status() != status) {
            throw new IllegalStateException(what + " answered " + a.status() + " (expected " + status + "): " + a.body());
        }
        return a;
    }

    private Answer send(String method, String url, String token, Object body, String idempotencyKey, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
        if (ifMatch != null) b.header("If-Match", ifMatch);
        try {
            if (body != null) {
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpRequest request = b.build();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            // 429: the per-caller write limit (120 a minute) refused it before doing anything; wait as told, then again.
            for (int tries = 0; r.statusCode() == 429 && tries < 120; tries++) {
                long wait = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(Math.max(1, wait) * 1000);
                r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            JsonNode node = r.body().length == 0 ? MissingNode.getInstance() : JSON.readTree(r.body());
            // The ETag is the version and a digest of the body ("7-9f2c…"): the version is what comes before the dash.
            long version = r.headers().firstValue("ETag").map(e -> e.replaceAll("^W/|\"", "").split("-")[0])
                    .filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong).orElse(-1L);
            return new Answer(r.statusCode(), version, node);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** How long a client waits for what an event brings (another service hearing of a change) before it gives up. */
    static final long EVENT_WAIT_MS = 30_000;

    /**
     * Asks again until {@code done} holds or {@link #EVENT_WAIT_MS} has passed: for what arrives by
     * event, such as a topic becoming consultable in sessions-service or a case opening in followup-service.
     *
     * @return the last answer (the caller checks it)
     */
    static <T> T until(Supplier<T> ask, Predicate<T> done) {
        long deadline = System.currentTimeMillis() + EVENT_WAIT_MS;
        T answer = ask.get();
        while (!done.test(answer) && System.currentTimeMillis() < deadline) {
            pause(50);
            answer = ask.get();
        }
        return answer;
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
