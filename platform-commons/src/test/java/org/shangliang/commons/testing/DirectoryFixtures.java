package org.shangliang.commons.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import org.shangliang.commons.events.ReferenceCopy;

/**
 * For services that keep a copy of the directory (sessions-service, followup-service): publishes
 * directory entries as topics-service would (TerritoryRecorded, UnitRecorded on the compacted
 * stream of the test namespace) and waits until the service's copy holds them.
 */
public final class DirectoryFixtures {

    private static final String OWNER = "/shangliang/topics-service";
    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * Versions from the wall clock, in microseconds, one more than the last: the test database and
     * the copy outlive runs and reboots, and {@code System.nanoTime()} starts again with each boot.
     */
    private static final java.util.concurrent.atomic.AtomicLong VERSION = new java.util.concurrent.atomic.AtomicLong();

    private DirectoryFixtures() {
    }

    /** A territory (its parent is not needed by a copy) under a version higher than any before. */
    public static String territory(EventsTestKit kafka, ReferenceCopy copy, String code, boolean retired) {
        String kind = code.length() == 6 ? "COUNTY" : code.length() == 9 ? "TOWNSHIP" : code.length() == 12 ? "VILLAGE" : "GRID";
        String parent = code.length() > 6 ? "\"" + code.substring(0, code.length() - 3) + "\"" : "null";
        long version = nextVersion();
        String json = """
                {"code": "%s", "name": "测试区域 %s", "kind": "%s", "parentCode": %s, "members": [], "retired": %s, "version": %d, "recordedAt": "%s"}
                """.formatted(code, code, kind, parent, retired, version, Instant.now());
        Contracts.assertValid("TerritoryRecorded", json);
        kafka.send(kafka.topic("directory"), "territory:" + code, "TerritoryRecorded", OWNER, json);
        awaitVersion(copy, "territory:" + code, version);
        return code;
    }

    public static String unit(EventsTestKit kafka, ReferenceCopy copy, String code, String name, boolean retired) {
        long version = nextVersion();
        String json = """
                {"code": "%s", "name": "%s", "territoryCode": "330421", "retired": %s, "version": %d, "recordedAt": "%s"}
                """.formatted(code, name, retired, version, Instant.now());
        Contracts.assertValid("UnitRecorded", json);
        kafka.send(kafka.topic("directory"), "unit:" + code, "UnitRecorded", OWNER, json);
        awaitVersion(copy, "unit:" + code, version);
        return code;
    }

    /** A CPPCC member (委员) with a login, as topics-service announces one; returns the member's id. */
    public static String member(EventsTestKit kafka, ReferenceCopy copy, String name, String subject, String gridCode) {
        String id = java.util.UUID.randomUUID().toString();
        long version = nextVersion();
        String json = """
                {"memberId": "%s", "name": "%s", "sector": "农业界", "gridCode": "%s", "subject": "%s", "retired": false, "version": %d, "recordedAt": "%s"}
                """.formatted(id, name, gridCode, subject, version, Instant.now());
        Contracts.assertValid("MemberRecorded", json);
        kafka.send(kafka.topic("directory"), "member:" + id, "MemberRecorded", OWNER, json);
        awaitVersion(copy, "member:" + id, version);
        return id;
    }

    private static long nextVersion() {
        long now = Instant.now().toEpochMilli() * 1000;
        return VERSION.updateAndGet(last -> Math.max(last + 1, now));
    }

    private static void awaitVersion(ReferenceCopy copy, String key, long version) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean there = QuarkusTransaction.requiringNew().call(() -> copy.find("directory", key)
                    .map(n -> n.path("version").asLong() >= version).orElse(false));
            if (there) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the directory copy never took " + key + " version " + version);
    }
}
