package org.shangliang.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.commons.testing.EventsTestKit.header;
import static org.shangliang.e2e.Demo.HUIMIN;
import static org.shangliang.e2e.Demo.ORGANIZER;
import static org.shangliang.e2e.Demo.VILLAGER;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.EventsTestKit;

/**
 * Two replicas of every service against one broker, 6 partitions a topic, under a steady load of
 * whole loops (a topic raised and accepted, its session scheduled, opened, attended, its outcome
 * recorded with two recommendations, two cases opened, the topic's timeline updated), with one
 * replica killed (SIGKILL) and restarted in the middle, twice. Then: nothing lost, nothing
 * duplicated, each aggregate's events in order, one relay publishing per service at any moment,
 * the deadline watch's due-soon notice once per case, housekeeping once per period across the two.
 * The client spreads requests over both replicas and, like a load balancer, retries on the other
 * one a request whose replica died under it (same Idempotency-Key). Prints "REPLICAS ..." figures.
 */
class TwoReplicasE2ETest extends OnRunningPlatform {

    static final int TOPICS_2 = 18095;
    static final int SESSIONS_2 = 18096;
    static final int FOLLOWUP_2 = 18094;
    static final Duration LOAD = Duration.ofSeconds(Long.getLong("replicas.load.seconds", 60));
    static final int THREADS = Integer.getInteger("replicas.threads", 4);
    /** Clients that only raise and accept topics, as fast as they are answered (the benchmark's create load). */
    static final int CREATE_THREADS = Integer.getInteger("replicas.create-threads", 4);
    static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(2);
    static final String VILLAGER_202 = org.shangliang.commons.testing.TestTokens.as("resident", HUIMIN + "202").subject("li@huiming").token();

    private EventsTestKit kafka;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /** Replicas the client must not send to (killed, not yet back). */
    private final Set<Integer> down = ConcurrentHashMap.newKeySet();

    @Override
    protected Map<String, String> platformEnvironment() {
        return Map.of("SHANGLIANG_HOUSEKEEPING_EVERY", "PT" + HOUSEKEEPING_EVERY.toSeconds() + "S",
                "SHANGLIANG_FOLLOWUP_WATCH_EVERY", "2s", "SHANGLIANG_FOLLOWUP_WATCH_DELAY", "1s");
    }

    @BeforeAll
    void secondReplicas() throws Exception {
        kafka = new EventsTestKit(Platform.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), platform.namespace());
        platform.start("topics", "topics-2", TOPICS_2, Map.of());
        platform.start("sessions", "sessions-2", SESSIONS_2, Map.of());
        platform.start("followup", "followup-2", FOLLOWUP_2, Map.of());
    }

    @AfterAll
    void closeKafka() {
        if (kafka != null) kafka.close();
    }

    @Test
    void two_replicas_of_every_service_under_load_with_a_replica_killed_lose_nothing_and_do_everything_once() throws Exception {
        Map<String, String> accepted = new ConcurrentHashMap<>(); // topic → "" once accepted
        Map<String, String> outcomes = new ConcurrentHashMap<>(); // topic → outcome
        List<Long> loopMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, int[]> leaders = new ConcurrentHashMap<>(); // service → {max leaders at once, samples with none}

        ExecutorService pool = Executors.newFixedThreadPool(THREADS + CREATE_THREADS + 1);
        List<Future<?>> drivers = new ArrayList<>();
        for (int t = 0; t < CREATE_THREADS; t++) {
            int thread = t;
            drivers.add(pool.submit(() -> {
                int n = 0;
                // Another village: the loops find their own topics among the newest of theirs.
                while (running.get()) accepted.put(raiseAndAccept(thread + n++, HUIMIN + "202", VILLAGER_202, requests, retried), "");
                return null;
            }));
        }
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            drivers.add(pool.submit(() -> {
                int n = 0;
                while (running.get()) {
                    long started = System.nanoTime();
                    loop(thread + n++, accepted, outcomes, requests, retried);
                    loopMillis.add((System.nanoTime() - started) / 1_000_000);
                }
                return null;
            }));
        }
        Future<?> sampler = pool.submit(() -> {
            while (running.get()) {
                sampleLeaders(leaders, "topics", Platform.TOPICS, TOPICS_2);
                sampleLeaders(leaders, "sessions", Platform.SESSIONS, SESSIONS_2);
                sampleLeaders(leaders, "followup", Platform.FOLLOWUP, FOLLOWUP_2);
                Demo.sleep(250);
            }
            return null;
        });

        long began = System.nanoTime();
        Thread.sleep(LOAD.toMillis() / 3);
        long failoverStart = System.nanoTime();
        bounce("topics", Platform.TOPICS);     // the first topics replica: it led the relay since the start
        long topicsBack = (System.nanoTime() - failoverStart) / 1_000_000;
        Thread.sleep(Math.max(0, LOAD.toMillis() * 2 / 3 - (System.nanoTime() - began) / 1_000_000));
        bounce("followup-2", FOLLOWUP_2);
        Thread.sleep(Math.max(0, LOAD.toMillis() - (System.nanoTime() - began) / 1_000_000));
        running.set(false);
        for (Future<?> d : drivers) d.get(120, TimeUnit.SECONDS);
        sampler.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        double seconds = (System.nanoTime() - began) / 1e9;

        // Settle, then count effects.
        Set<String> topics = new HashSet<>(accepted.keySet());
        Set<String> deliberated = new HashSet<>(outcomes.keySet());
        assertTrue(deliberated.size() >= 20, "load ran: " + deliberated.size() + " loops");
        awaitTrue(() -> Platform.count("sessions", "select count(*) from consultable_topic where topic_id = any(?::uuid[])", topics) >= topics.size(), "every accepted topic reached sessions-service");
        awaitTrue(() -> Platform.count("followup", "select count(*) from handling_case where topic_id = any(?::uuid[])", deliberated) >= 2 * deliberated.size(), "two cases per outcome");
        awaitTrue(() -> Platform.count("topics", "select count(*) from topic_timeline where kind = 'CASE_OPENED' and topic_id = any(?::uuid[])", deliberated) >= 2 * deliberated.size(), "every case on its topic's timeline");
        awaitTrue(() -> Platform.count("followup", "select count(*) from handling_case where due_soon_notified_for is not null and topic_id = any(?::uuid[])", deliberated) >= 2 * deliberated.size(), "every case noticed due soon");
        Thread.sleep(3_000); // a duplicate, if any, would arrive now

        int consultable = Platform.count("sessions", "select count(*) from consultable_topic where topic_id = any(?::uuid[])", topics);
        int cases = Platform.count("followup", "select count(*) from handling_case where topic_id = any(?::uuid[])", deliberated);
        int timeline = Platform.count("topics", "select count(*) from topic_timeline where kind = 'CASE_OPENED' and topic_id = any(?::uuid[])", deliberated);
        int lost = Math.max(0, topics.size() - consultable) + Math.max(0, 2 * deliberated.size() - cases) + Math.max(0, 2 * deliberated.size() - timeline);
        int duplicated = Math.max(0, consultable - topics.size()) + Math.max(0, cases - 2 * deliberated.size()) + Math.max(0, timeline - 2 * deliberated.size());

        // On Kafka: each event once, and each aggregate's events in the order they happened.
        List<ConsumerRecord<String, byte[]>> topicEvents = kafka.read(kafka.topic("topics"), r -> topics.contains(r.key()), Integer.MAX_VALUE, Duration.ofSeconds(10));
        List<ConsumerRecord<String, byte[]>> caseEvents = kafka.read(kafka.topic("followup"),
                r -> Set.of("CaseOpened", "CaseDueSoon").contains(header(r, "ce_type")), Integer.MAX_VALUE, Duration.ofSeconds(10));
        caseEvents.removeIf(r -> deliberated.stream().noneMatch(EventsTestKit.value(r)::contains));
        // On the wire a record may appear twice: a relay leader killed between Kafka's commit and the
        // database's leaves its rows unmarked, and the next leader publishes them again (decision 0001).
        // The inboxes absorb it — the effects above are counted once — so it is reported, and bounded
        // by one batch per kill, not counted as duplicated.
        int republished = duplicates(topicEvents) + duplicates(caseEvents);
        int misordered = misordered(topicEvents, "TopicSubmitted", "TopicAccepted") + misordered(caseEvents, "CaseOpened", "CaseDueSoon");
        misordered += Platform.count("topics", """
                select count(*) from (select topic_id, array_agg(kind order by at, id) k from topic_timeline where topic_id = any(?::uuid[]) group by topic_id) t
                where array_position(k, 'ACCEPTED') > array_position(k, 'SCHEDULED') or array_position(k, 'DELIBERATED') > array_position(k, 'CASE_OPENED')""", deliberated);
        long dueSoonNotices = caseEvents.stream().filter(r -> "CaseDueSoon".equals(header(r, "ce_type"))).map(r -> header(r, "ce_id")).distinct().count();

        // Housekeeping ran once per period across the two sessions replicas (neither was killed).
        double ran = metric(Platform.SESSIONS, "job=\"housekeeping\",outcome=\"ran\"") + metric(SESSIONS_2, "job=\"housekeeping\",outcome=\"ran\"");
        double skipped = metric(Platform.SESSIONS, "job=\"housekeeping\",outcome=\"skipped\"") + metric(SESSIONS_2, "job=\"housekeeping\",outcome=\"skipped\"");
        // The first sessions replica has ticked since it started; a period is claimed at 0.9 of its length at the earliest.
        double periods = uptime(Platform.SESSIONS) / (HOUSEKEEPING_EVERY.toSeconds() * 0.9);

        List<Long> sorted = new ArrayList<>(loopMillis);
        Collections.sort(sorted);
        System.out.printf("%nREPLICAS two of each service, %d loop and %d create client threads, %.0f s: loops=%d (%.1f/s) topics accepted=%d (%.1f/s) requests=%d (%.0f/s) retried-on-the-other-replica=%d "
                        + "loop p50=%d ms p99=%d ms | lost=%d duplicated=%d misordered=%d republished-on-kafka=%d | relays leading at once max: topics=%d sessions=%d followup=%d "
                        + "(samples with none: %d/%d/%d; topics replica back in %d ms) | due-soon notices=%d for %d cases | housekeeping ran=%.0f skipped=%.0f in %.0f periods%n",
                THREADS, CREATE_THREADS, seconds, deliberated.size(), deliberated.size() / seconds, topics.size(), topics.size() / seconds,
                requests.get(), requests.get() / seconds, retried.get(),
                percentile(sorted, 50), percentile(sorted, 99), lost, duplicated, misordered, republished,
                leaders.get("topics")[0], leaders.get("sessions")[0], leaders.get("followup")[0],
                leaders.get("topics")[1], leaders.get("sessions")[1], leaders.get("followup")[1], topicsBack,
                dueSoonNotices, cases, ran, skipped, periods);

        assertEquals(0, lost, "lost");
        assertEquals(0, duplicated, "duplicated");
        assertEquals(0, misordered, "misordered");
        assertTrue(republished <= 2 * 200, "at most one relay batch (200) republished per replica killed: " + republished);
        for (String service : List.of("topics", "sessions", "followup")) assertTrue(leaders.get(service)[0] <= 1, service + ": two relays led at once");
        assertEquals(cases, dueSoonNotices, "one due-soon notice per case, though both followup replicas tick");
        assertTrue(skipped >= 1, "the second replica's housekeeping ticked and was turned away");
        assertTrue(periods > 10 && ran <= Math.ceil(periods) + 1, "housekeeping ran " + ran + " times in " + periods + " periods");
    }

    // ---- the client

    /** One whole loop through both replicas of each service; retries a request on the other replica if its replica died. */
    private void loop(int n, Map<String, String> accepted, Map<String, String> outcomes, AtomicInteger requests, AtomicInteger retried) {
        String village = HUIMIN + "201";
        String topic = raiseAndAccept(n, village, VILLAGER, requests, retried);
        accepted.put(topic, "");

        long deadline = System.currentTimeMillis() + 60_000;
        while (!consultable(n, topic, village, requests, retried)) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("topic " + topic + " never reached sessions-service");
            Demo.sleep(100);
        }
        String scheduleKey = UUID.randomUUID().toString();
        Response session = call(n, Platform.SESSIONS, SESSIONS_2, requests, retried, base -> as(ORGANIZER).contentType(ContentType.JSON)
                .header("Idempotency-Key", scheduleKey).body("""
                        {"title": "惠通村民生议事堂", "type": "VILLAGE_HALL", "mode": "IN_PERSON", "territoryCode": "%s",
                         "startsAt": "2026-12-03T06:30:00Z", "venue": "惠通村文化礼堂", "agenda": ["%s"]}
                        """.formatted(village, topic)).post(base + "/api/v1/sessions"));
        if (session.statusCode() != 201) throw new AssertionError("schedule: " + session.statusCode() + " " + session.asString());
        String sessionId = session.path("id");
        String item = session.path("agenda[0].id");
        Response start = call(n, Platform.SESSIONS, SESSIONS_2, requests, retried, base -> {
            Response r = as(ORGANIZER).header("If-Match", "\"0\"").post(base + "/api/v1/sessions/{id}/start", sessionId);
            return r.statusCode() == 412 || r.statusCode() == 409 ? as(ORGANIZER).get(base + "/api/v1/sessions/{id}", sessionId) : r;
        });
        if (!"IN_PROGRESS".equals(start.path("status"))) throw new AssertionError("start: " + start.statusCode() + " " + start.asString());
        String participantsKey = UUID.randomUUID().toString();
        Response participants = call(n, Platform.SESSIONS, SESSIONS_2, requests, retried, base -> as(ORGANIZER).contentType(ContentType.JSON)
                .header("Idempotency-Key", participantsKey).body("""
                        {"participants": [
                          {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表甲"}, {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表乙"},
                          {"role": "VILLAGER_REPRESENTATIVE", "name": "村民代表丙"}, {"role": "NOTABLE", "name": "乡贤丁"},
                          {"role": "DEPARTMENT_OFFICIAL", "name": "农业农村局科长", "unitCode": "agri-rural"}]}""")
                .post(base + "/api/v1/sessions/{id}/participants", sessionId));
        List<String> ids = participants.path("id");
        Response checkIn = call(n, Platform.SESSIONS, SESSIONS_2, requests, retried, base -> as(ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("participantIds", ids)).post(base + "/api/v1/sessions/{id}/check-ins", sessionId));
        if (!Boolean.TRUE.equals(checkIn.path("quorumMet"))) throw new AssertionError("check-in: " + checkIn.statusCode() + " " + checkIn.asString());
        // Due in two days (Beijing): the deadline watch notices each case as due soon, once.
        String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
        String outcomeKey = UUID.randomUUID().toString();
        Response outcome = call(n, Platform.SESSIONS, SESSIONS_2, requests, retried, base -> as(ORGANIZER).contentType(ContentType.JSON)
                .header("Idempotency-Key", outcomeKey).body("""
                        {"consensus": "尽快维修路灯。", "decisionRule": "CONSENSUS",
                         "recommendations": [{"text": "更换损坏灯具", "unitCode": "agri-rural", "dueDate": "%s"},
                                             {"text": "建立巡查台账", "unitCode": "agri-rural", "dueDate": "%s"}]}
                        """.formatted(due, due)).post(base + "/api/v1/sessions/{id}/agenda-items/{item}/outcomes", sessionId, item));
        if (outcome.statusCode() != 201) throw new AssertionError("outcome: " + outcome.statusCode() + " " + outcome.asString());
        outcomes.put(topic, outcome.path("id"));
    }

    /** A villager raises a topic and the township's organizer accepts it; @return the topic */
    private String raiseAndAccept(int n, String village, String villager, AtomicInteger requests, AtomicInteger retried) {
        String submitKey = UUID.randomUUID().toString();
        Response submitted = call(n, Platform.TOPICS, TOPICS_2, requests, retried, base -> as(villager).contentType(ContentType.JSON)
                .header("Idempotency-Key", submitKey).body("""
                        {"title": "村道路灯维修", "description": "夜间照明不足，建议维修。", "themes": ["民生"], "territoryCode": "%s", "level": "VILLAGE"}
                        """.formatted(village)).post(base + "/api/v1/topics"));
        if (submitted.statusCode() != 201) throw new AssertionError("submit: " + submitted.statusCode() + " " + submitted.asString());
        String topic = submitted.path("id");
        Response accept = call(n, Platform.TOPICS, TOPICS_2, requests, retried, base -> {
            Response r = as(ORGANIZER).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"note\": \"立项\"}")
                    .post(base + "/api/v1/topics/{id}/accept", topic);
            // A retry after an answer lost with its replica: the first try may have done it.
            return r.statusCode() == 412 || r.statusCode() == 409 ? as(ORGANIZER).get(base + "/api/v1/topics/{id}", topic) : r;
        });
        if (!"ACCEPTED".equals(accept.path("status"))) throw new AssertionError("accept: " + accept.statusCode() + " " + accept.asString());
        return topic;
    }

    private boolean consultable(int n, String topic, String village, AtomicInteger requests, AtomicInteger retried) {
        Response r = call(n, Platform.SESSIONS, SESSIONS_2, requests, retried, base -> as(ORGANIZER).queryParam("territory", village)
                .queryParam("limit", 100).get(base + "/api/v1/consultable-topics"));
        List<String> ids = r.path("items.topicId");
        return ids != null && ids.contains(topic);
    }

    /**
     * Sends to one replica (alternating by {@code n}) and, when that replica is down, dies under the
     * request or answers 5xx (draining, or its database connection lost with it), to the other.
     */
    private Response call(int n, int first, int second, AtomicInteger requests, AtomicInteger retried, Function<String, Response> request) {
        int[] order = n % 2 == 0 ? new int[] {first, second} : new int[] {second, first};
        Exception last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            int port = order[attempt % 2];
            if (down.contains(port)) continue;
            requests.incrementAndGet();
            if (attempt > 0) retried.incrementAndGet();
            try {
                Response r = request.apply(Platform.url(port));
                if (r.statusCode() < 500 && r.statusCode() != 429) return r;
                last = new IllegalStateException(r.statusCode() + " " + r.asString());
            } catch (Exception e) {
                // Also what REST Assured throws undeclared when the replica died with the request: NoHttpResponseException, ConnectException.
                last = e;
            }
            Demo.sleep(250);
        }
        throw new AssertionError("no replica answered", last);
    }

    private void bounce(String name, int port) throws Exception {
        down.add(port);
        Demo.sleep(200); // let the client stop choosing it, as a load balancer would after a failed check
        platform.kill(name);
        Thread.sleep(3_000);
        platform.restart(name);
        down.remove(port);
    }

    // ---- measurements

    private void sampleLeaders(Map<String, int[]> leaders, String service, int a, int b) {
        int sum = (int) (leaderMetric(a) + leaderMetric(b));
        int[] l = leaders.computeIfAbsent(service, k -> new int[2]);
        l[0] = Math.max(l[0], sum);
        if (sum == 0) l[1]++;
    }

    private double leaderMetric(int port) {
        return scrape(port).lines().filter(l -> l.startsWith("shangliang_outbox_leader{")).mapToDouble(Platform::value).sum();
    }

    private double metric(int port, String labels) {
        return scrape(port).lines().filter(l -> l.startsWith("shangliang_scheduled_runs_total{") && l.contains(labels))
                .mapToDouble(Platform::value).sum();
    }

    private String scrape(int port) {
        if (down.contains(port)) return "";
        try {
            return http.send(HttpRequest.newBuilder(URI.create(Platform.url(port) + "/q/metrics")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    private double uptime(int port) {
        return scrape(port).lines().filter(l -> l.startsWith("process_uptime_seconds{")).mapToDouble(Platform::value).max().orElse(0);
    }

    private static int duplicates(List<ConsumerRecord<String, byte[]>> events) {
        return events.size() - (int) events.stream().map(r -> header(r, "ce_id")).distinct().count();
    }

    /** Aggregates (record keys) where {@code later} came before {@code earlier} on their partition. */
    private static int misordered(List<ConsumerRecord<String, byte[]>> events, String earlier, String later) {
        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : events) byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        int wrong = 0;
        for (List<ConsumerRecord<String, byte[]>> mine : byKey.values()) {
            long first = mine.stream().filter(r -> earlier.equals(header(r, "ce_type"))).mapToLong(ConsumerRecord::offset).min().orElse(-1);
            long then = mine.stream().filter(r -> later.equals(header(r, "ce_type"))).mapToLong(ConsumerRecord::offset).min().orElse(Long.MAX_VALUE);
            if (first < 0 && then != Long.MAX_VALUE) wrong++;
            else if (then < first) wrong++;
        }
        return wrong;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("timed out: " + what);
            Demo.sleep(500);
        }
    }

}
