package org.shangliang.commons.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.ApiException.FieldError;
import org.shangliang.commons.problem.Text;

/**
 * Local copies of compacted streams (参考数据副本), e.g. the directory topics-service owns: the latest
 * state-carrying event per record key, in this service's own database, so that requests are
 * checked against it without calling the owner.
 * <ul>
 * <li>Read without a consumer group, every partition, from the offsets stored beside the copy (in the
 * same transaction as the rows): a service whose copy is empty reads the compacted topic from the
 * beginning and so rebuilds it; one that restarts goes on where it stopped.</li>
 * <li>Applied once in effect without an inbox: each event carries the entry's {@code version}, and a
 * row is replaced only by a higher one. Replicas sharing the database may both apply the same event;
 * the second changes nothing.</li>
 * <li>Only the configured owner's events are taken ({@code shangliang.events.copies.<stream>.source}); others, and events without a version, are skipped and counted.</li>
 * </ul>
 */
@ApplicationScoped
public class ReferenceCopy {

    private static final Logger LOG = Logger.getLogger(ReferenceCopy.class);

    @Inject EventsConfig config;
    @Inject KafkaClients clients;
    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject MeterRegistry metrics;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean caughtUp;
    private volatile long lag = -1;
    private volatile String lastError;
    private volatile boolean rebuildRequested;

    void start() {
        if (config.copies().isEmpty()) {
            caughtUp = true;
            return;
        }
        running = true;
        thread = new Thread(this::run, "reference-copy");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) c.wakeup();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Empties the copy and reads the compacted topics again from the beginning: what a service whose
     * database lost its copy does at start (an operator's repair, and how the tests prove it).
     */
    public void rebuild() {
        rebuildRequested = true;
        caughtUp = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) c.wakeup();
    }

    /** The Kafka topics copied here. */
    public List<String> topics() {
        return config.copies().keySet().stream().map(config::topic).toList();
    }

    /** True once every copied partition was read up to its end at least once since start. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** Records not yet read, at the last look (-1 before the first). */
    public long lag() {
        return lag;
    }

    public String lastError() {
        return lastError;
    }

    /** The payload of the latest event of {@code key} on {@code stream}, if the copy has one. */
    public Optional<JsonNode> find(String stream, String key) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select cast(payload as text) from reference_copy where stream = ?1 and key = ?2")
                .setParameter(1, stream).setParameter(2, key).getResultList();
        if (rows.isEmpty()) return Optional.empty();
        try {
            return Optional.of(json.readTree((String) rows.get(0)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reference copy row " + stream + "/" + key + " is not JSON", e);
        }
    }

    /**
     * The entry of {@code key} that a new record may refer to. Otherwise a 422 naming {@code field}
     * (not in the copy, or retired: state-carrying entries say so in {@code retired}), or a 503
     * while the copy has not yet read its topic to the end since start (a valid code may be on its way).
     *
     * @param what the reference as people read it, e.g. Text.of("承办单位代码 agri-rural", "Unit code agri-rural")
     */
    public JsonNode require(String stream, String key, String field, Text what) {
        Optional<JsonNode> entry = find(stream, key);
        if (entry.isEmpty()) {
            if (!caughtUp) {
                throw ApiException.unavailable(Text.of("本服务的名录副本正在同步，请稍后重试", "This service's copy of the " + stream + " is still being read; retry shortly"), 5);
            }
            throw ApiException.unprocessable(field, Text.of(what.zh() + " 不在名录中", what.en() + " is not in the directory"));
        }
        if (entry.get().path("retired").asBoolean(false)) {
            throw ApiException.unprocessable(field, Text.of(what.zh() + " 已停用", what.en() + " is retired"));
        }
        return entry.get();
    }

    /**
     * As {@link #require}, for a request that reports every bad line at once: a 422's violations
     * are added to {@code invalid} and the answer is null (a 503 still throws).
     */
    public JsonNode collect(String stream, String key, String field, Text what, List<FieldError> invalid) {
        try {
            return require(stream, key, field, what);
        } catch (ApiException e) {
            if (e.status() != 422) throw e;
            invalid.addAll(e.violations());
            return null;
        }
    }

    private void run() {
        while (running) {
            if (rebuildRequested) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        em.createNativeQuery("delete from reference_copy").executeUpdate();
                        em.createNativeQuery("delete from reference_copy_offset").executeUpdate();
                    });
                    rebuildRequested = false;
                    LOG.infof("reference copy of %s emptied: reading it again from the beginning", topics());
                } catch (RuntimeException e) {
                    lastError = Failures.describe(e);
                    sleep(1_000);
                    continue;
                }
            }
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(clients.reader(config.group() + "-copy"))) {
                consumer = c;
                if (rebuildRequested) continue;
                List<TopicPartition> partitions = partitions(c);
                if (partitions.isEmpty()) {
                    sleep(1_000); // the topic is not there yet: its owner creates it
                    continue;
                }
                c.assign(partitions);
                Map<TopicPartition, Long> stored = storedOffsets();
                for (TopicPartition tp : partitions) {
                    if (stored.containsKey(tp)) c.seek(tp, stored.get(tp));
                    else c.seekToBeginning(List.of(tp));
                }
                LOG.infof("copying %s (%d partitions, %d with a stored position)", topics(), partitions.size(), stored.size());
                long nextLagCheck = 0;
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) apply(records);
                    if (records.isEmpty() || System.currentTimeMillis() > nextLagCheck) {
                        long behind = 0;
                        for (Map.Entry<TopicPartition, Long> end : c.endOffsets(partitions).entrySet()) {
                            behind += Math.max(0, end.getValue() - c.position(end.getKey()));
                        }
                        lag = behind;
                        if (behind == 0) caughtUp = true;
                        nextLagCheck = System.currentTimeMillis() + 5_000;
                    }
                    lastError = null;
                }
            } catch (WakeupException e) {
                // stopping, or a rebuild: the loop decides
            } catch (Exception e) {
                if (!running) break;
                lastError = Failures.describe(e);
                LOG.warnf("reference copy of %s failed, restarting in 1 s: %s", topics(), lastError);
                sleep(1_000);
            } finally {
                consumer = null;
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics()) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) return List.of();
            infos.forEach(i -> all.add(new TopicPartition(topic, i.partition())));
        }
        return all;
    }

    private Map<TopicPartition, Long> storedOffsets() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select topic, partition_no, next_offset from reference_copy_offset").getResultList();
            for (Object[] row : rows) {
                offsets.put(new TopicPartition((String) row[0], ((Number) row[1]).intValue()), ((Number) row[2]).longValue());
            }
            return offsets;
        });
    }

    /** One poll's records and the new positions, in one transaction. */
    private void apply(ConsumerRecords<String, byte[]> records) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (TopicPartition tp : records.partitions()) {
                long next = -1;
                for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
                    applyOne(r);
                    next = r.offset() + 1;
                }
                em.createNativeQuery("insert into reference_copy_offset (topic, partition_no, next_offset) values (?1, ?2, ?3) "
                                + "on conflict (topic, partition_no) do update set next_offset = greatest(reference_copy_offset.next_offset, excluded.next_offset)")
                        .setParameter(1, tp.topic()).setParameter(2, tp.partition()).setParameter(3, next).executeUpdate();
            }
        });
    }

    private void applyOne(ConsumerRecord<String, byte[]> r) {
        String stream = r.topic().substring(config.namespace().length() + 1);
        EventsConfig.Copy copied = config.copies().get(stream);
        String owner = copied == null ? null : copied.source().orElse(null);
        String source = IncomingEvent.header(r, CloudEventHeaders.SOURCE);
        String type = IncomingEvent.header(r, CloudEventHeaders.TYPE);
        if (r.key() == null || r.value() == null || type == null || !java.util.Objects.equals(owner, source)) {
            skipped(r, "untrusted or incomplete");
            return;
        }
        String payload = new String(r.value(), StandardCharsets.UTF_8);
        long version;
        try {
            JsonNode node = json.readTree(payload);
            if (node == null || !node.path("version").canConvertToLong()) {
                skipped(r, "no version");
                return;
            }
            version = node.path("version").asLong();
        } catch (java.io.IOException e) {
            skipped(r, "not JSON");
            return;
        }
        em.createNativeQuery("insert into reference_copy (stream, key, event_type, version, payload, updated_at) "
                        + "values (?1, ?2, ?3, ?4, cast(?5 as jsonb), now()) on conflict (stream, key) do update "
                        + "set event_type = excluded.event_type, version = excluded.version, payload = excluded.payload, updated_at = excluded.updated_at "
                        + "where reference_copy.version < excluded.version")
                .setParameter(1, stream).setParameter(2, r.key()).setParameter(3, type).setParameter(4, version).setParameter(5, payload)
                .executeUpdate();
    }

    private void skipped(ConsumerRecord<String, byte[]> r, String why) {
        metrics.counter("shangliang.copy.skipped", "reason", why).increment();
        LOG.warnf("reference copy skips %s/%d@%d: %s", r.topic(), r.partition(), r.offset(), why);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
