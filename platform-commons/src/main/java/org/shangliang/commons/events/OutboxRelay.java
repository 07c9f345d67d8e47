package org.shangliang.commons.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.shangliang.commons.persistence.SqlValues;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes committed outbox rows to Kafka, in {@code seq} order.
 * <ul>
 * <li>One replica leads (a session advisory lock held on its LISTEN connection); the others stand
 * by and take over when its connection ends. Each drain also takes a transaction-scoped lock, so
 * two drains never overlap, and reads the rows with plain {@code FOR UPDATE}: no later row of an
 * aggregate can overtake a locked earlier one.</li>
 * <li>A batch is one Kafka transaction with the service's fixed transactional id: consumers
 * (read_committed) see all of it or none of it, and a relay that lost its lead is fenced by the
 * broker once the new leader's producer starts. When a record fails, the rows before it are
 * published on their own and marked; the failing row and everything after it wait.</li>
 * <li>Rows are marked published only after Kafka committed them: a crash in between republishes
 * them, and the consumers' inbox absorbs the duplicate.</li>
 * <li>Failures back off (200 ms doubling to {@code relay.max-backoff}); the backoff is reset only by
 * a successful publish, never by a reconnect.</li>
 * </ul>
 * Woken by the NOTIFY the outbox trigger sends at commit, with a polling fallback.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock keys: "outbox" for one drain at a time, "outbox-leader" for the leading replica. */
    private static final long DRAIN_LOCK = 0x6f7574626fL;
    private static final long LEADER_LOCK = 0x6f7574626f4cL;
    private static final long FIRST_BACKOFF = 200;

    @Inject EventsConfig config;
    @Inject KafkaClients clients;
    @Inject EntityManager em;
    @Inject MeterRegistry metrics;
    @Inject EventTracing tracing;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username") String username;
    @ConfigProperty(name = "quarkus.datasource.password") String password;
    /** Fault injection for the fault suite only: halt the process after Kafka committed a batch with this event type, before the rows are marked. */
    @ConfigProperty(name = "shangliang.faults.halt-after-publish") java.util.Optional<String> haltAfterPublish;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile boolean leader;
    private final ReentrantLock publishing = new ReentrantLock();
    private KafkaProducer<String, byte[]> producer;
    private Counter published;
    private Counter failures;
    private volatile long backoff = FIRST_BACKOFF;
    private volatile double oldestUnpublishedSeconds;
    private volatile long unpublished;
    private volatile Instant lastPublishedAt;
    private volatile String lastError;

    void start() {
        published = metrics.counter("shangliang.events.published");
        failures = metrics.counter("shangliang.outbox.publish.failures");
        Gauge.builder("shangliang.outbox.oldest.unpublished.seconds", this, r -> r.oldestUnpublishedSeconds)
                .description("Age of the oldest outbox row not yet published to Kafka").register(metrics);
        Gauge.builder("shangliang.outbox.unpublished", this, r -> r.unpublished)
                .description("Outbox rows not yet published to Kafka").register(metrics);
        Gauge.builder("shangliang.outbox.leader", this, r -> r.leader ? 1 : 0)
                .description("1 on the replica whose relay publishes").register(metrics);
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops between drains; a drain under way finishes (it is bounded by {@code relay.drain-timeout}). */
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(config.relay().drainTimeout().toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        publishing.lock();
        try {
            closeProducer(Duration.ofSeconds(5));
        } finally {
            publishing.unlock();
        }
    }

    public boolean isRunning() {
        Thread t = thread;
        return !config.relay().enabled() || (t != null && t.isAlive());
    }

    public boolean isLeader() {
        return leader;
    }

    public double oldestUnpublishedSeconds() {
        return oldestUnpublishedSeconds;
    }

    public long unpublished() {
        return unpublished;
    }

    /** The last publish failure, or null once a publish succeeded after it. */
    public String lastError() {
        return lastError;
    }

    public Instant lastPublishedAt() {
        return lastPublishedAt;
    }

    private void run() {
        while (running) {
            try (Connection conn = DriverManager.getConnection(jdbcUrl, username, password)) {
                conn.setAutoCommit(true);
                while (running && !tryLead(conn)) {
                    refreshBacklog(conn);
                    sleep(config.relay().pollInterval().toMillis());
                }
                if (!running) break;
                leader = true;
                LOG.info("outbox relay leads (this replica publishes)");
                try (Statement s = conn.createStatement()) {
                    s.execute("LISTEN outbox_event");
                }
                PGConnection pg = conn.unwrap(PGConnection.class);
                int wait = (int) config.relay().pollInterval().toMillis();
                while (running) {
                    try {
                        // Drain until a short batch tells us we are caught up; then wait for a NOTIFY.
                        while (running && drainOnce() == config.relay().batchSize()) {
                            // keep going
                        }
                    } catch (RuntimeException e) {
                        failed(e);
                        if (!conn.isValid(2)) throw e; // lost the database and with it the lead: start over
                    }
                    refreshBacklog(conn);
                    pg.getNotifications(wait);
                }
            } catch (Exception e) {
                if (!running) break;
                failed(e);
            } finally {
                leader = false;
            }
        }
    }

    private void failed(Exception e) {
        failures.increment();
        lastError = Failures.describe(e);
        LOG.warnf("outbox relay cannot publish now, retrying in %d ms: %s", backoff, lastError);
        sleep(backoff);
        backoff = Math.min(backoff * 2, config.relay().maxBackoff().toMillis());
    }

    private static boolean tryLead(Connection conn) throws java.sql.SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + LEADER_LOCK + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private void refreshBacklog(Connection conn) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0) from outbox_event where published_at is null")) {
            if (rs.next()) {
                unpublished = rs.getLong(1);
                oldestUnpublishedSeconds = rs.getDouble(2);
            }
        } catch (Exception e) {
            LOG.debugf("cannot read the outbox backlog: %s", e.toString());
        }
    }

    /** Publishes one batch; returns how many rows it published (0 when another drain holds the lock). */
    public int drainOnce() {
        int timeout = (int) (config.relay().drainTimeout().toSeconds() * 2 + 10);
        int n = QuarkusTransaction.requiringNew().timeout(timeout).call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, DRAIN_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) return 0; // another drain is under way
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "select seq, id, aggregate_type, aggregate_id, event_type, topic, cast(payload as text), occurred_at, traceparent, tracestate, territory_code, internal "
                            + "from outbox_event where published_at is null order by seq limit ?1 for update")
                    .setParameter(1, config.relay().batchSize()).getResultList();
            if (rows.isEmpty()) return 0;
            int sent = publish(rows);
            if (haltAfterPublish.isPresent() && rows.subList(0, sent).stream().anyMatch(r -> haltAfterPublish.get().equals(r[4]))) {
                LOG.errorf("fault injection: halting after Kafka committed %d rows, before marking them published", sent);
                Runtime.getRuntime().halt(137);
            }
            List<Long> seqs = new ArrayList<>(sent);
            for (int i = 0; i < sent; i++) seqs.add(((Number) rows.get(i)[0]).longValue());
            em.createNativeQuery("update outbox_event set published_at = now() where seq in (?1)")
                    .setParameter(1, seqs).executeUpdate();
            return sent;
        });
        if (n > 0) {
            published.increment(n);
            lastPublishedAt = Instant.now();
            lastError = null;
            backoff = FIRST_BACKOFF;
        }
        return n;
    }

    /**
     * Sends rows in one Kafka transaction and commits it. When a record fails, the transaction is
     * aborted (nothing of it is visible) and the rows before the failing one are sent again on
     * their own. @return how many rows, from the first, Kafka committed (at least one)
     */
    private int publish(List<Object[]> rows) throws Exception {
        publishing.lock();
        try {
            KafkaProducer<String, byte[]> p = producer();
            Failure failure = sendAll(p, rows);
            if (failure == null) return rows.size();
            if (failure.index() == 0) throw failure.error();
            LOG.warnf("record %d of %d failed (%s); publishing the %d before it", failure.index() + 1, rows.size(),
                    failure.error().toString(), failure.index());
            List<Object[]> before = rows.subList(0, failure.index());
            Failure again = sendAll(producer(), before);
            if (again != null) throw again.error();
            return before.size();
        } finally {
            publishing.unlock();
        }
    }

    private record Failure(int index, Exception error) {
    }

    /** One Kafka transaction: null when committed, else where the first record failed (the transaction is aborted). */
    private Failure sendAll(KafkaProducer<String, byte[]> p, List<Object[]> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<Span> spans = new ArrayList<>(rows.size());
        Failure failure = null;
        try {
            p.beginTransaction();
            for (Object[] row : rows) {
                ProducerRecord<String, byte[]> r = record(row);
                spans.add(tracing.publishing(r, (String) row[8], (String) row[9], (String) row[4], row[1].toString()));
                acks.add(p.send(r));
            }
        } catch (RuntimeException e) {
            failure = new Failure(acks.size(), e); // send() itself refused it (e.g. no metadata within max.block.ms)
        }
        try {
            failure = settle(p, acks, failure);
        } finally {
            // A span ends with its record's fate: committed with the batch, or not published this time.
            for (int i = 0; i < spans.size(); i++) {
                if (failure != null) spans.get(i).setStatus(StatusCode.ERROR, i == failure.index() ? failure.error().toString() : "batch not committed");
                spans.get(i).end();
            }
        }
        return failure;
    }

    /** Waits for the acknowledgements, then commits the transaction or aborts it; null when committed. */
    private Failure settle(KafkaProducer<String, byte[]> p, List<Future<RecordMetadata>> acks, Failure failure) {
        long deadline = System.nanoTime() + config.relay().drainTimeout().toNanos();
        for (int i = 0; i < acks.size() && (failure == null || i < failure.index()); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failure = new Failure(i, e.getCause() instanceof Exception c ? c : e);
            } catch (Exception e) {
                failure = new Failure(i, e);
            }
        }
        if (failure == null) {
            try {
                p.commitTransaction();
                return null;
            } catch (RuntimeException e) {
                failure = new Failure(0, e); // commit state unknown: nothing is marked; a republish is absorbed by the inbox
            }
        }
        abort(p);
        return failure;
    }

    private void abort(KafkaProducer<String, byte[]> p) {
        try {
            p.abortTransaction();
        } catch (RuntimeException e) {
            // Fenced or broken beyond an abort: start a fresh producer next time.
            LOG.debugf("abort failed, recreating the producer: %s", e.toString());
            closeProducer(Duration.ZERO);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            KafkaProducer<String, byte[]> p = new KafkaProducer<>(clients.transactionalProducer(config.group() + "-outbox", config.transactionalId()));
            try {
                p.initTransactions(); // fences any older producer of this service
            } catch (RuntimeException e) {
                p.close(Duration.ZERO);
                throw e;
            }
            producer = p;
        }
        return producer;
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                LOG.debugf("closing the producer: %s", e.toString());
            }
            producer = null;
        }
    }

    private ProducerRecord<String, byte[]> record(Object[] row) {
        String id = row[1].toString();
        String aggregateType = (String) row[2];
        String aggregateId = (String) row[3];
        String type = (String) row[4];
        String topic = (String) row[5];
        String payload = (String) row[6];
        String time = time(row[7]);
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, aggregateId, payload.getBytes(StandardCharsets.UTF_8));
        header(r, CloudEventHeaders.SPECVERSION, "1.0");
        header(r, CloudEventHeaders.ID, id);
        header(r, CloudEventHeaders.TYPE, type);
        header(r, CloudEventHeaders.SOURCE, config.source());
        header(r, CloudEventHeaders.TIME, time);
        header(r, CloudEventHeaders.SUBJECT, aggregateId);
        header(r, CloudEventHeaders.AGGREGATE_TYPE, aggregateType);
        header(r, CloudEventHeaders.CONTENT_TYPE, "application/json");
        if (row.length > 10 && row[10] != null) header(r, CloudEventHeaders.TERRITORY, (String) row[10]);
        if (row.length > 11 && Boolean.TRUE.equals(row[11])) header(r, CloudEventHeaders.INTERNAL, "true");
        return r;
    }

    private static String time(Object value) {
        return SqlValues.instant(value).toString();
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Sleeps in short steps, so that a stop is noticed within 100 ms. */
    private void sleep(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            while (running && System.nanoTime() < until) Thread.sleep(Math.min(100, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
