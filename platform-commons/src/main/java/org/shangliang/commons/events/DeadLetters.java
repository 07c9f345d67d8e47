package org.shangliang.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;

/**
 * The dead-letter topic of this service (死信): events it gave up on, read back for an operator,
 * and replayed one at a time once the cause is fixed. Reading never changes the topic; a replay
 * is recorded in the inbox like any applied event, so replaying twice applies once.
 */
@ApplicationScoped
public class DeadLetters {

    /** A dead letter and what the service knows of it. */
    public record Letter(int partition, long offset, Instant deadLetteredAt, String eventId, String type, String source, String key,
                         String originalTopic, Integer originalPartition, Long originalOffset, String reason, String error,
                         Integer attempts, String payload, boolean applied) {
    }

    private static final int MAX_READ = 10_000;

    @Inject EventsConfig config;
    @Inject KafkaClients clients;
    @Inject EventConsumer consumer;
    @Inject Inbox inbox;

    /** Every dead letter (up to 10,000), newest first. */
    public List<Letter> all() {
        List<Letter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(clients.reader(config.group() + "-dlt-reader"))) {
            List<TopicPartition> tps = partitions(c);
            if (tps.isEmpty()) return letters;
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (letters.size() < MAX_READ && System.nanoTime() < deadline && !caughtUp(c, end)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) letters.add(letter(r));
            }
        }
        letters.sort(Comparator.comparing(Letter::deadLetteredAt).reversed()
                .thenComparing(Letter::partition).thenComparing(Comparator.comparing(Letter::offset).reversed()));
        return letters;
    }

    public Optional<ConsumerRecord<String, byte[]>> find(int partition, long offset) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(clients.reader(config.group() + "-dlt-reader"))) {
            TopicPartition tp = new TopicPartition(config.deadLetterTopic(), partition);
            if (partitions(c).stream().noneMatch(tp::equals)) return Optional.empty();
            long end = c.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            if (offset < 0 || offset >= end) return Optional.empty();
            c.assign(List.of(tp));
            c.seek(tp, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) return Optional.of(r);
                    if (r.offset() > offset) return Optional.empty(); // compacted or aborted away
                }
            }
        }
        return Optional.empty();
    }

    public Letter letter(ConsumerRecord<String, byte[]> r) {
        String id = header(r, CloudEventHeaders.ID);
        return new Letter(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), id, header(r, CloudEventHeaders.TYPE),
                header(r, CloudEventHeaders.SOURCE), r.key(), header(r, CloudEventHeaders.DLT_TOPIC),
                integer(header(r, CloudEventHeaders.DLT_PARTITION)), number(header(r, CloudEventHeaders.DLT_OFFSET)),
                header(r, CloudEventHeaders.DLT_REASON), header(r, CloudEventHeaders.DLT_ERROR),
                integer(header(r, CloudEventHeaders.DLT_ATTEMPTS)),
                r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8),
                id != null && inbox.seen(id));
    }

    /** Applies the dead letter again as the event it was, on its original topic. */
    public EventConsumer.Replayed replay(ConsumerRecord<String, byte[]> dead) {
        String topic = header(dead, CloudEventHeaders.DLT_TOPIC);
        Integer partition = integer(header(dead, CloudEventHeaders.DLT_PARTITION));
        Long offset = number(header(dead, CloudEventHeaders.DLT_OFFSET));
        ConsumerRecord<String, byte[]> original = new ConsumerRecord<>(topic == null ? dead.topic() : topic,
                partition == null ? dead.partition() : partition, offset == null ? dead.offset() : offset,
                dead.timestamp(), TimestampType.CREATE_TIME, -1, -1, dead.key(), dead.value(), dead.headers(), Optional.empty());
        return consumer.replay(original);
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
        List<PartitionInfo> infos = c.partitionsFor(config.deadLetterTopic(), Duration.ofSeconds(10));
        if (infos == null) return List.of();
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> c, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) return false;
        }
        return true;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return IncomingEvent.header(r, name);
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
