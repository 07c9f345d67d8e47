package org.shangliang.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The benchmark's HTTP load client. Two modes:
 * <ul>
 * <li>closed loop ({@code --mode closed --connections N}): N callers, each sends its next request when
 * the last one is answered — the throughput figure;</li>
 * <li>open loop ({@code --mode open --rate R}): requests are due at fixed times, R per second, whatever
 * the server does, and each is timed from the time it was due, not from when it could be sent. A
 * stalled server therefore shows in the percentiles instead of slowing the client down (no
 * coordinated omission).</li>
 * </ul>
 * Operations: {@code create} (POST a topic with a fresh Idempotency-Key), {@code read} (GET a topic
 * loaded by bench/load-topics.sh, ids {@code md5('topic-'||n)}), {@code get} (GET the given paths,
 * in turn). Prints one {@code RESULT} line: counts, throughput and latency percentiles in ms.
 * All responses are counted by status; only 2xx count as ok.
 */
public final class Load {

    private final Map<String, String> opts;
    private final URI base;
    private final String op;
    private final String token;
    private final List<String> paths;
    private final List<String> territories;
    private final long ids;
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    private final Map<String, Long> statuses = new TreeMap<>();
    private final AtomicLong seq = new AtomicLong();
    private long measuredFrom;
    private long measuredUntil;
    private long ok;

    private Load(Map<String, String> opts) {
        this.opts = opts;
        this.base = URI.create(opts.getOrDefault("url", "http://127.0.0.1:8081"));
        this.op = opts.getOrDefault("op", "read");
        this.token = opts.getOrDefault("token", System.getenv("BENCH_TOKEN"));
        this.paths = List.of(opts.getOrDefault("paths", "/q/health/ready").split(","));
        this.territories = List.of(opts.getOrDefault("territories", "330421003201").split(","));
        this.ids = Long.parseLong(opts.getOrDefault("ids", "10000"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option value, got " + args[i]);
            opts.put(args[i].substring(2), args[i + 1]);
        }
        new Load(opts).run();
    }

    private void run() throws Exception {
        String mode = opts.getOrDefault("mode", "closed");
        int connections = Integer.parseInt(opts.getOrDefault("connections", "8"));
        double rate = Double.parseDouble(opts.getOrDefault("rate", "0"));
        long warmupNs = TimeUnit.MILLISECONDS.toNanos((long) (Double.parseDouble(opts.getOrDefault("warmup", "5")) * 1000));
        long durationNs = TimeUnit.MILLISECONDS.toNanos((long) (Double.parseDouble(opts.getOrDefault("duration", "20")) * 1000));
        // One event loop: the client shares the two cores with everything it measures.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost(base.getHost()).setDefaultPort(base.getPort()).setKeepAlive(true)
                        .setConnectTimeout(5000).setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        long start = System.nanoTime();
        measuredFrom = start + warmupNs;
        measuredUntil = measuredFrom + durationNs;
        CountDownLatch done = new CountDownLatch(1);
        if (mode.equals("closed")) {
            AtomicLong running = new AtomicLong(connections);
            vertx.runOnContext(v -> {
                for (int i = 0; i < connections; i++) closedLoop(client, running, done);
            });
        } else if (mode.equals("open")) {
            if (rate <= 0) throw new IllegalArgumentException("--mode open needs --rate");
            openLoop(vertx, client, start, rate, done);
        } else {
            throw new IllegalArgumentException("--mode closed|open");
        }
        if (!done.await(durationNs + warmupNs + TimeUnit.SECONDS.toNanos(90), TimeUnit.NANOSECONDS)) {
            System.err.println("load: requests still outstanding 90 s after the end");
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        double seconds = durationNs / 1e9;
        System.out.println(String.format(Locale.ROOT,
                "RESULT op=%s mode=%s connections=%d rate=%s seconds=%.0f ok=%d rps=%.1f p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f statuses=%s",
                op, mode, connections, rate > 0 ? String.format(Locale.ROOT, "%.0f", rate) : "-", seconds, ok, ok / seconds,
                ms(50), ms(90), ms(99), ms(99.9), histogram.getMaxValue() / 1000.0, statuses));
    }

    private double ms(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private void closedLoop(HttpClient client, AtomicLong running, CountDownLatch done) {
        long startedAt = System.nanoTime();
        if (startedAt >= measuredUntil) {
            if (running.decrementAndGet() == 0) done.countDown();
            return;
        }
        send(client, startedAt, () -> closedLoop(client, running, done));
    }

    /** Sends each request at its due time; a tick every millisecond releases all that are due. */
    private void openLoop(Vertx vertx, HttpClient client, long start, double rate, CountDownLatch done) {
        double intervalNs = 1e9 / rate;
        long[] issued = {0};
        long[] outstanding = {0};        // touched only on the event loop
        boolean[] allIssued = {false};
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (true) {
                long due = start + (long) (issued[0] * intervalNs);
                if (due >= measuredUntil) {
                    vertx.cancelTimer(timer);
                    allIssued[0] = true;
                    if (outstanding[0] == 0) done.countDown();
                    break;
                }
                if (due > now) break;
                issued[0]++;
                outstanding[0]++;
                send(client, due, () -> {
                    if (--outstanding[0] == 0 && allIssued[0]) done.countDown();
                });
            }
        });
    }

    /** One request, timed from {@code dueAt}; runs {@code next} on the event loop when it is answered. */
    private void send(HttpClient client, long dueAt, Runnable next) {
        long n = seq.incrementAndGet();
        RequestOptions request = new RequestOptions().setTimeout(30_000);
        if (token != null) request.putHeader("Authorization", "Bearer " + token);
        Buffer body = null;
        switch (op) {
            case "create" -> {
                request.setMethod(HttpMethod.POST).setURI("/api/v1/topics")
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Idempotency-Key", UUID.randomUUID().toString());
                String territory = territories.get((int) (n % territories.size()));
                body = Buffer.buffer(("{\"title\":\"基准议题 " + n + "\",\"description\":\"村民反映村道路灯损坏，夜间出行不便，建议尽快维修并明确管护责任。\","
                        + "\"themes\":[\"民生\"],\"territoryCode\":\"" + territory + "\",\"level\":\"VILLAGE\"}").getBytes(StandardCharsets.UTF_8));
            }
            case "read" -> request.setMethod(HttpMethod.GET).setURI("/api/v1/topics/" + loadedId(1 + n % ids));
            case "get" -> request.setMethod(HttpMethod.GET).setURI(paths.get((int) (n % paths.size())));
            default -> throw new IllegalArgumentException("--op create|read|get");
        }
        Buffer payload = body;
        client.request(request)
                .compose(req -> payload == null ? req.send() : req.send(payload))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    long end = System.nanoTime();
                    if (dueAt >= measuredFrom && dueAt < measuredUntil) {
                        String status = ar.succeeded() ? String.valueOf(ar.result()) : ar.cause().getClass().getSimpleName();
                        statuses.merge(status, 1L, Long::sum);
                        if (ar.succeeded() && ar.result() / 100 == 2) {
                            ok++;
                            histogram.recordValue(Math.min(histogram.getHighestTrackableValue(), Math.max(1, (end - dueAt) / 1000)));
                        }
                    }
                    next.run();
                });
    }

    /** The id bench/load-topics.sh gives loaded topic n: md5('topic-'||n)::uuid. */
    static String loadedId(long n) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(("topic-" + n).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(36);
            for (int i = 0; i < d.length; i++) {
                if (i == 4 || i == 6 || i == 8 || i == 10) hex.append('-');
                hex.append(Character.forDigit((d[i] >> 4) & 0xf, 16)).append(Character.forDigit(d[i] & 0xf, 16));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
