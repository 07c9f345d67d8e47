package org.shangliang.commons.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes committed outbox rows to Kafka. Woken by the NOTIFY that the outbox trigger sends at
 * commit, with a polling fallback. One replica drains at a time (a transaction-scoped advisory
 * lock), so two replicas never publish the same row and one aggregate's events keep their order.
 * A row is marked published only after Kafka acknowledged it: a crash in between republishes it,
 * and the consumers' inbox absorbs the duplicate.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "outbox" as an int. One lock per database, i.e. per service. */
    private static final long LOCK_KEY = 0x6f7574626fL;

    @Inject EventsConfig config;
    @Inject KafkaClients clients;
    @Inject EntityManager em;
    @Inject MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username") String username;
    @ConfigProperty(name = "quarkus.datasource.password") String password;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection listener;
    private KafkaProducer<String, byte[]> producer;
    private Counter published;

    void start() {
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled");
            return;
        }
        producer = new KafkaProducer<>(clients.producer(config.group() + "-outbox"));
        published = metrics.counter("shangliang.events.published");
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(config.relay().pollInterval().toMillis() + 5_000); // it notices within one poll
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) producer.close(java.time.Duration.ofSeconds(5));
    }

    public boolean isRunning() {
        Thread t = thread;
        return !config.relay().enabled() || (t != null && t.isAlive());
    }

    private void run() {
        long backoff = 200;
        while (running) {
            try (Connection conn = DriverManager.getConnection(jdbcUrl, username, password)) {
                listener = conn;
                try (Statement s = conn.createStatement()) {
                    s.execute("LISTEN outbox_event");
                }
                PGConnection pg = conn.unwrap(PGConnection.class);
                int wait = (int) config.relay().pollInterval().toMillis();
                backoff = 200;
                while (running) {
                    // Drain until a short batch tells us we are caught up; then wait for a NOTIFY.
                    while (running && drainOnce() == config.relay().batchSize()) {
                        // keep going
                    }
                    pg.getNotifications(wait);
                }
            } catch (Exception e) {
                if (!running) break;
                LOG.warnf("outbox relay failed, retrying in %d ms: %s", backoff, e.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            } finally {
                listener = null;
            }
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    public int drainOnce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) return 0; // another replica is draining
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "select seq, id, aggregate_type, aggregate_id, event_type, topic, cast(payload as text), occurred_at "
                            + "from outbox_event where published_at is null order by seq limit ?1 for update skip locked")
                    .setParameter(1, config.relay().batchSize()).getResultList();
            if (rows.isEmpty()) return 0;
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            List<Long> seqs = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                seqs.add(((Number) row[0]).longValue());
                acks.add(producer.send(record(row)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS); // a failure rolls back: the rows stay unpublished
            }
            em.createNativeQuery("update outbox_event set published_at = now() where seq in (?1)")
                    .setParameter(1, seqs).executeUpdate();
            published.increment(rows.size());
            return rows.size();
        });
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
        return r;
    }

    private static String time(Object value) {
        if (value instanceof OffsetDateTime odt) return odt.toInstant().toString();
        if (value instanceof java.time.Instant i) return i.toString();
        if (value instanceof java.sql.Timestamp ts) return ts.toInstant().toString();
        return DateTimeFormatter.ISO_INSTANT.format(java.time.Instant.parse(value.toString()));
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
