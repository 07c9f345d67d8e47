package org.shangliang.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Outcome recorded → case visible, across the three services: a topic is submitted and accepted,
 * a session holds it, an outcome with one recommendation is recorded; the clock starts when the
 * outcome's 201 arrives (its transaction committed) and stops when followup-service lists the
 * case (outbox → relay → Kafka → consumer → inbox + case → readable), polled every 2 ms.
 * Usage: {@code LoopLatency TOPICS_URL SESSIONS_URL FOLLOWUP_URL RUNS} with the tokens in
 * BENCH_TOKEN_RESIDENT, BENCH_TOKEN_ORGANIZER, BENCH_TOKEN_STAFF (village 330421003201,
 * street 330421003, county 330421). Prints one {@code RESULT op=loop} line.
 */
public final class LoopLatency {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String VILLAGE = "330421003201";
    /** Pause between scheduling the session and recording its outcome (-Dbench.settle-ms, default 250). */
    private static final long SETTLE_MS = Long.getLong("bench.settle-ms", 250);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String topics;
    private final String sessions;
    private final String followup;
    private final String resident = System.getenv("BENCH_TOKEN_RESIDENT");
    private final String organizer = System.getenv("BENCH_TOKEN_ORGANIZER");
    private final String staff = System.getenv("BENCH_TOKEN_STAFF");

    private LoopLatency(String topics, String sessions, String followup) {
        this.topics = topics;
        this.sessions = sessions;
        this.followup = followup;
    }

    public static void main(String[] args) throws Exception {
        LoopLatency bench = new LoopLatency(args[0], args[1], args[2]);
        int runs = Integer.parseInt(args[3]);
        Histogram histogram = new Histogram(60_000_000L, 3);
        for (int i = 0; i < 5; i++) bench.once(); // warm-up: JIT, pools, consumer fetch sessions
        for (int i = 0; i < runs; i++) histogram.recordValue(Math.max(1, bench.once() / 1000));
        System.out.println(String.format(Locale.ROOT, "RESULT op=loop runs=%d p50=%.2f p90=%.2f p99=%.2f max=%.2f",
                runs, histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(90) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0));
    }

    /** One loop; @return nanoseconds from the outcome's 201 to the case being listed */
    private long once() throws Exception {
        String topic = id(call("POST", topics + "/api/v1/topics", resident, """
                {"title": "基准：村道路灯维修", "description": "村民反映村道路灯损坏，建议尽快维修并明确管护责任。",
                 "themes": ["民生"], "territoryCode": "%s", "level": "VILLAGE"}""".formatted(VILLAGE), 201, true));
        call("POST", topics + "/api/v1/topics/" + topic + "/accept", organizer, "{\"note\": \"列入议事堂\"}", 200, false);
        String session = null;
        long deadline = System.currentTimeMillis() + 20_000;
        while (session == null) { // sessions-service schedules only topics it has heard are accepted
            HttpResponse<String> r = send("POST", sessions + "/api/v1/sessions", organizer, """
                    {"title": "基准议事堂", "type": "VILLAGE_HALL", "mode": "IN_PERSON", "territoryCode": "%s",
                     "startsAt": "2026-12-03T06:30:00Z", "venue": "村文化礼堂", "agenda": ["%s"]}""".formatted(VILLAGE, topic), true);
            if (r.statusCode() == 201) session = r.body();
            else if (System.currentTimeMillis() > deadline) throw new IllegalStateException("session not scheduled: " + r.statusCode() + " " + r.body());
            else Thread.sleep(5);
        }
        String sessionId = id(session);
        // An outcome is recorded when the session is held, long after it was scheduled: what the
        // scheduling set off across the services (the topic's status, its events) has settled by then.
        Thread.sleep(SETTLE_MS);
        String item = id(session.substring(session.indexOf("\"agenda\"")));
        call("POST", sessions + "/api/v1/sessions/" + sessionId + "/start", organizer, null, 200, false); // opened in the hall (开会)
        String invited = call("POST", sessions + "/api/v1/sessions/" + sessionId + "/participants", organizer, QUORUM, 201, true);
        List<String> present = new ArrayList<>();
        for (Matcher m = ID.matcher(invited); m.find(); ) present.add("\"" + m.group(1) + "\"");
        call("POST", sessions + "/api/v1/sessions/" + sessionId + "/check-ins", organizer,
                "{\"participantIds\": [" + String.join(", ", present) + "]}", 200, false); // a village hall's quorum (签到)
        call("POST", sessions + "/api/v1/sessions/" + sessionId + "/agenda-items/" + item + "/outcomes", organizer, """
                {"consensus": "尽快维修路灯，明确村委为管护责任人。", "decisionRule": "CONSENSUS",
                 "recommendations": [{"text": "维修村道路灯", "unitCode": "housing-construction", "dueDate": "2027-01-31"}]}""", 201, true);
        long recorded = System.nanoTime();
        while (true) {
            String cases = call("GET", followup + "/api/v1/cases?topicId=" + topic, staff, null, 200, false);
            if (ID.matcher(cases).find()) return System.nanoTime() - recorded;
            if (System.nanoTime() - recorded > 20_000_000_000L) throw new IllegalStateException("no case for topic " + topic);
            Thread.sleep(2); // not faster: each poll is a request the measured service must also serve
        }
    }

    /** Five people by name: a village hall's quorum. */
    private static final String QUORUM = """
            {"participants": [{"role": "VILLAGER_REPRESENTATIVE", "name": "代表甲"}, {"role": "VILLAGER_REPRESENTATIVE", "name": "代表乙"},
              {"role": "VILLAGER_REPRESENTATIVE", "name": "代表丙"}, {"role": "VILLAGER_REPRESENTATIVE", "name": "代表丁"},
              {"role": "NOTABLE", "name": "乡贤戊"}]}""";

    private String call(String method, String url, String token, String body, int expected, boolean idempotent) throws Exception {
        HttpResponse<String> r = send(method, url, token, body, idempotent);
        if (r.statusCode() != expected) throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    private HttpResponse<String> send(String method, String url, String token, String body, boolean idempotent) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        if (idempotent) b.header("Idempotency-Key", UUID.randomUUID().toString());
        // The first move of a topic or a session: the version just created.
        if (method.equals("POST") && (url.endsWith("/accept") || url.endsWith("/start"))) b.header("If-Match", "\"0\"");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) throw new IllegalStateException("no id in " + json);
        return m.group(1);
    }
}
