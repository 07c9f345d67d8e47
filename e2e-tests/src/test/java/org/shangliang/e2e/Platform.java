package org.shangliang.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.shangliang.commons.testing.TestTokens;

/**
 * The three packaged services started as separate processes, as in production: their own
 * ports, their own databases (*_e2e), one Kafka namespace for this run only. The fault suite also
 * starts extra replicas, kills (SIGKILL) or stops (SIGTERM) them, and stops the broker or the database.
 */
final class Platform implements AutoCloseable {

    static final int TOPICS = 18091;
    static final int SESSIONS = 18092;
    static final int FOLLOWUP = 18093;

    /** A running service process; several may run one service (replicas). */
    record Instance(String service, int port, Map<String, String> env, Process process) {
    }

    private final Path root;
    private final Path logs;
    private final String namespace = "e2e-" + UUID.randomUUID();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Settings every process of this platform gets (e.g. where to send traces). */
    private final Map<String, String> common;

    Platform() {
        this(Map.of());
    }

    Platform(Map<String, String> common) {
        root = Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
        logs = root.resolve("e2e-tests/target/e2e-logs");
        this.common = Map.copyOf(common);
    }

    Path logs() {
        return logs;
    }

    String namespace() {
        return namespace;
    }

    /** Starts the three services and waits until they are ready; on any failure stops what it started. */
    Platform start() throws IOException, InterruptedException {
        try {
            launch("topics", "topics", TOPICS, Map.of());
            launch("sessions", "sessions", SESSIONS, Map.of());
            launch("followup", "followup", FOLLOWUP, Map.of());
            for (Instance i : List.copyOf(instances.values())) awaitReady(i);
            awaitDirectoryCopied();
            return this;
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts one more process of {@code service} under {@code name} (e.g. "followup-2") and waits until it is ready. */
    Instance start(String service, String name, int port, Map<String, String> extraEnv) throws IOException, InterruptedException {
        Instance i = launch(service, name, port, extraEnv);
        awaitReady(i);
        return i;
    }

    /** Starts {@code name} again on its port, without the extra settings it had (e.g. a fault to inject). */
    Instance restart(String name) throws IOException, InterruptedException {
        Instance old = instances.get(name);
        if (old.process().isAlive()) throw new IllegalStateException(name + " is still running");
        instances.remove(name);
        return start(old.service(), name, old.port(), Map.of());
    }

    /** SIGKILL: no shutdown hook, nothing flushed. */
    void kill(String name) throws InterruptedException {
        Process p = instances.get(name).process();
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an orchestrator stops a replica; @return its exit code */
    int terminate(String name) throws InterruptedException {
        Process p = instances.get(name).process();
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException(name + " did not stop within 60 s of SIGTERM");
        return p.exitValue();
    }

    /** Waits until {@code name} exits by itself (e.g. an injected fault halted it). */
    boolean awaitExit(String name, Duration timeout) throws InterruptedException {
        return instances.get(name).process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Instance instance(String name) {
        return instances.get(name);
    }

    /** Runs one of deploy/local's scripts (e.g. kafka-stop.sh), failing on a non-zero exit. */
    void script(String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", root.resolve("deploy/local/" + name).toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("scripts.log").toFile())).start();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException(name + " failed; see " + logs.resolve("scripts.log"));
    }

    private Instance launch(String service, String name, int port, Map<String, String> extraEnv) throws IOException {
        Files.createDirectories(logs);
        // A leftover process on our port would answer in place of the service under test.
        try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
            throw new IllegalStateException("port " + port + " is already taken by another process; stop it first");
        } catch (java.net.ConnectException free) {
            // good: nobody there
        }
        Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) throw new IllegalStateException(jar + " is missing: package the services first (mvn verify from the root builds them before this module)");
        String pg = env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432");
        String upper = service.toUpperCase();
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx256m", "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        Map<String, String> env = pb.environment();
        env.put(upper + "_HTTP_PORT", String.valueOf(port));
        env.put(upper + "_DB_URL", "jdbc:postgresql://" + pg + "/" + service + "_e2e");
        env.put("EVENTS_NAMESPACE", namespace);
        env.put("KAFKA_BOOTSTRAP_SERVERS", env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        // One local broker: the services create their topics, with one replica.
        env.put("EVENTS_CREATE_TOPICS", "true");
        env.put("EVENTS_REPLICATION_FACTOR", "1");
        env.put("EVENTS_MIN_INSYNC_REPLICAS", "1");
        env.put("JWT_ISSUER", TestTokens.ISSUER);
        env.put("JWT_AUDIENCE", TestTokens.AUDIENCE);
        env.put("JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyFile().toString());
        // Load from one test client would trip the per-caller write limit meant for people.
        env.put("RATE_LIMIT_BURST", "100000");
        // The services read and write UTF-8 whatever the caller's locale (the test JVM runs under LANG=C).
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.putAll(common);
        env.putAll(extraEnv);
        Instance i = new Instance(service, port, Map.copyOf(extraEnv), pb.start());
        instances.put(name, i);
        return i;
    }

    private void awaitReady(Instance i) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!ready(i.port())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(i.service() + "-service on " + i.port() + " not ready; see " + logs);
            if (!i.process().isAlive()) throw new IllegalStateException(i.service() + "-service exited with " + i.process().exitValue() + "; see " + logs);
            Thread.sleep(250);
        }
    }

    /**
     * topics-service seeds the directory at start; sessions-service and followup-service check codes
     * against their copies of it. Ready means able to serve, not that every copy has every entry yet:
     * wait until topics-service has published its outbox and both copies have read to the end.
     */
    private void awaitDirectoryCopied() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!wellData(TOPICS).contains("\"outboxUnpublished\":0")) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("topics-service never published its directory seed; see " + logs);
            Thread.sleep(200);
        }
        Thread.sleep(1_000); // the copies' lag is measured on their next empty poll (every 500 ms)
        for (int port : List.of(SESSIONS, FOLLOWUP)) {
            while (!wellData(port).replace(" ", "").contains("\"referenceCopyLag\":0")) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the directory copy on " + port + " never caught up; see " + logs);
                Thread.sleep(200);
            }
        }
    }

    private String wellData(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(port) + "/q/health/well")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body().replace(" ", "");
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    boolean ready(int port) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(port) + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /**
     * Counts effects in a service's database ({@code <service>_e2e}): {@code sql} has one parameter,
     * a value or a set (passed as a text array). @return the count, or -1 while the database is down
     * (the caller waits and asks again)
     */
    static int count(String service, String sql, Object param) {
        String url = "jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432") + "/" + service + "_e2e";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, env("PG_USER", "shangliang"), env("PG_PASSWORD", "shangliang"));
             java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            if (param instanceof java.util.Set<?> set) s.setArray(1, c.createArrayOf("text", set.toArray()));
            else s.setString(1, String.valueOf(param));
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    /** The value of one line of a Prometheus scrape, without the exemplar (" # {trace_id=...} ...") a traced counter may carry. */
    static double value(String line) {
        int end = line.indexOf('}');
        String rest = end >= 0 ? line.substring(end + 1) : line.substring(line.indexOf(' '));
        return Double.parseDouble(rest.trim().split(" ")[0]);
    }

    @Override
    public void close() {
        List<Process> processes = new ArrayList<>();
        for (Instance i : instances.values()) processes.add(i.process());
        for (Process p : processes) p.destroy();
        for (Process p : processes) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
