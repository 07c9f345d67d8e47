package org.shangliang.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.e2e.Demo.TOPICS;
import static org.shangliang.e2e.Demo.awaitTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.TestTokens;

/**
 * Webhooks across the platform: a township system subscribes in topics-service to events of all
 * three services, the loop runs, and every delivery — TopicAccepted, SessionScheduled,
 * OutcomeRecorded, CaseOpened — arrives signed; the signatures are checked by the sample verifier
 * in TypeScript (an implementation written from the documentation, not the service's code), which
 * also refuses a changed body, another secret and an old timestamp.
 */
class WebhooksE2ETest extends OnRunningPlatform {

    record Received(Map<String, String> headers, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Map<String, String> platformEnvironment() {
        // Local development: the receiver is plain http on this machine.
        return Map.of("WEBHOOKS_ALLOW_HTTP", "true", "WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
    }

    @Test
    void a_township_system_receives_the_loops_events_of_three_services_signed_and_verifiable_in_typescript() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Demo.Loop loop = new Demo.Loop();
            String system = TestTokens.as("integration", Demo.HUIMIN).subject("huimin-street-platform-" + java.util.UUID.randomUUID()).name("惠民街道基层治理平台").token();
            String secret = as(system).contentType("application/json")
                    .body("{\"callbackUrl\": \"http://127.0.0.1:%d/shangliang\", \"territory\": \"%s\", \"eventTypes\": [\"TopicAccepted\", \"SessionScheduled\", \"OutcomeRecorded\", \"CaseOpened\"]}"
                            .formatted(receiver.getAddress().getPort(), loop.village))
                    .post(TOPICS + "/api/v1/webhooks").then().statusCode(201).extract().path("secret");

            loop.acceptTopic().scheduleSession().startSession();
            loop.recordOutcome();
            loop.awaitCase();
            Set<String> wanted = Set.of("TopicAccepted", "SessionScheduled", "OutcomeRecorded", "CaseOpened");
            awaitTrue(() -> types(received, loop.topic).containsAll(wanted), "the four events of the loop's topic delivered");
            for (Received r : received) {
                JsonNode ce = JSON.readTree(r.body());
                assertTrue(wanted.contains(ce.path("type").asText()), "only subscribed types: " + ce.path("type"));
                assertTrue(ce.path("territory").asText().startsWith(loop.village), "only the subscribed territory: " + ce.path("territory"));
            }

            // The sample verifier checks every genuine delivery, and refuses tampered ones.
            ArrayNode cases = JSON.createArrayNode();
            for (Received r : received) cases.add(verifyCase(secret, r.headers(), r.body(), null));
            Received first = received.get(0);
            cases.add(verifyCase(secret, first.headers(), first.body().replace("\"type\"", "\"type\" ").trim(), null));
            cases.add(verifyCase("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]), first.headers(), first.body(), null));
            cases.add(verifyCase(secret, first.headers(), first.body(), Long.parseLong(first.headers().get("webhook-timestamp")) + 600));
            JsonNode verdicts = runVerifier(cases);
            for (int i = 0; i < received.size(); i++) {
                assertTrue(verdicts.get(i).path("valid").asBoolean(), "genuine delivery " + i + ": " + verdicts.get(i));
            }
            assertEquals("no signature matches", verdicts.get(received.size()).path("reason").asText(), "a changed body");
            assertEquals("no signature matches", verdicts.get(received.size() + 1).path("reason").asText(), "another secret");
            assertEquals("timestamp outside the tolerance", verdicts.get(received.size() + 2).path("reason").asText(), "ten minutes later");

            String id = as(system).get(TOPICS + "/api/v1/webhooks").then().statusCode(200).extract().path("items[0].id");
            as(system).get(TOPICS + "/api/v1/webhooks/{id}", id).then().body("deliveries.DELIVERED", equalTo(received.size()))
                    .body("deliveries.PARKED", equalTo(0));
            // This machine's e2e databases outlive the run: the subscription goes with it.
            as(system).delete(TOPICS + "/api/v1/webhooks/{id}", id).then().statusCode(204);
        } finally {
            receiver.stop(0);
        }
    }

    /** The types delivered about one topic (its own events, its session's, its outcome's and its case's). */
    private static Set<String> types(List<Received> received, String topic) {
        Set<String> types = new TreeSet<>();
        for (Received r : received) {
            try {
                JsonNode ce = JSON.readTree(r.body());
                if (ce.path("data").toString().contains(topic)) types.add(ce.path("type").asText());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
        return types;
    }

    private static ObjectNode verifyCase(String secret, Map<String, String> headers, String body, Long now) {
        ObjectNode c = JSON.createObjectNode();
        c.put("secret", secret);
        ObjectNode h = c.putObject("headers");
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) h.put(name, headers.get(name));
        c.put("body", body);
        if (now != null) c.put("now", now);
        return c;
    }

    private static JsonNode runVerifier(ArrayNode cases) throws Exception {
        Path dir = Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize().resolve("e2e-tests/src/test/typescript");
        if (!Files.isDirectory(dir.resolve("node_modules/typescript"))) {
            run(dir, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        }
        run(dir, List.of("npm", "run", "--silent", "verify:build"), 120);
        Path file = Files.createTempFile("webhook-cases", ".json");
        Files.writeString(file, JSON.writeValueAsString(cases));
        String out = run(dir, List.of("node", "dist-verify/verify-webhook.js", file.toString()), 60);
        return JSON.readTree(out.lines().filter(l -> l.startsWith("[")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no verdicts: " + out)));
    }

    private static String run(Path dir, List<String> command, int seconds) throws Exception {
        Path log = Files.createTempFile("ts-verify", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String out = Files.readString(log);
        assertTrue(done && p.exitValue() == 0, String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
