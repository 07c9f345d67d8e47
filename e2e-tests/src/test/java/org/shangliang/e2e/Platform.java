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
import org.shangliang.commons.testing.TestTokens;

/**
 * The three packaged services started as separate processes, as in production: their own
 * ports, their own databases (*_e2e), one Kafka namespace for this run only.
 */
final class Platform implements AutoCloseable {

    static final int TOPICS = 18091;
    static final int SESSIONS = 18092;
    static final int FOLLOWUP = 18093;

    private final Path root;
    private final Path logs;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    Platform() {
        root = Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
        logs = root.resolve("e2e-tests/target/e2e-logs");
        ports.put("topics", TOPICS);
        ports.put("sessions", SESSIONS);
        ports.put("followup", FOLLOWUP);
    }

    /** Starts the three services and waits until they are ready; on any failure stops what it started. */
    Platform start() throws IOException, InterruptedException {
        try {
            return startAll();
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Platform startAll() throws IOException, InterruptedException {
        Files.createDirectories(logs);
        for (int port : ports.values()) {
            // A leftover process on our port would answer in place of the service under test.
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                throw new IllegalStateException("port " + port + " is already taken by another process; stop it first");
            } catch (java.net.ConnectException free) {
                // good: nobody there
            }
        }
        String namespace = "e2e-" + UUID.randomUUID();
        String pg = env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432");
        for (var svc : ports.entrySet()) {
            Path jar = root.resolve(svc.getKey() + "-service/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) throw new IllegalStateException(jar + " is missing: package the services first (mvn verify from the root builds them before this module)");
            String upper = svc.getKey().toUpperCase();
            ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(logs.resolve(svc.getKey() + ".log").toFile());
            pb.environment().put(upper + "_HTTP_PORT", String.valueOf(svc.getValue()));
            pb.environment().put(upper + "_DB_URL", "jdbc:postgresql://" + pg + "/" + svc.getKey() + "_e2e");
            pb.environment().put("EVENTS_NAMESPACE", namespace);
            pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
            // One local broker: the services create their topics, with one replica.
            pb.environment().put("EVENTS_CREATE_TOPICS", "true");
            pb.environment().put("EVENTS_REPLICATION_FACTOR", "1");
            pb.environment().put("EVENTS_MIN_INSYNC_REPLICAS", "1");
            pb.environment().put("JWT_ISSUER", TestTokens.ISSUER);
            pb.environment().put("JWT_AUDIENCE", TestTokens.AUDIENCE);
            pb.environment().put("JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyFile().toString());
            processes.add(pb.start());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (var svc : ports.entrySet()) {
            while (!ready(http, svc.getValue())) {
                if (System.nanoTime() > deadline) throw new IllegalStateException(svc.getKey() + "-service not ready; see " + logs);
                for (Process p : processes) {
                    if (!p.isAlive()) throw new IllegalStateException("a service exited with " + p.exitValue() + "; see " + logs);
                }
                Thread.sleep(250);
            }
        }
        return this;
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static boolean ready(HttpClient http, int port) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(port) + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
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

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public void close() {
        for (Process p : processes) p.destroy();
        for (Process p : processes) {
            try {
                if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
