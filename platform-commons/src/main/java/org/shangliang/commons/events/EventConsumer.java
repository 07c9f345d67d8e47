package org.shangliang.commons.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The transport half of event handling: polls, hands each record to the service's
 * {@link EventHandler}, and commits offsets only for records whose transaction committed.
 * A record that keeps failing is retried a bounded number of times and then sent to the
 * dead-letter topic with its origin and error, so the partition moves on. When the database
 * itself is unreachable nothing is dead-lettered: the partition waits and retries.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject EventsConfig config;
    @Inject KafkaClients clients;
    @Inject Instance<EventHandler> handlers;
    @Inject ObjectMapper json;
    @Inject MeterRegistry metrics;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    /** Set once the group has given this replica its share (possibly none): events flow from then on. */
    private volatile boolean joined;
    private KafkaProducer<String, byte[]> deadLetters;

    List<String> topics() {
        return config.subscribe().orElse(List.of()).stream().map(config::topic).toList();
    }

    void start() {
        if (!config.consumer().enabled() || topics().isEmpty() || !handlers.isResolvable()) {
            LOG.infof("event consumer not started (enabled=%s, topics=%s)", config.consumer().enabled(), topics());
            return;
        }
        deadLetters = new KafkaProducer<>(clients.producer(config.group() + "-dlt"));
        running = true;
        thread = new Thread(this::run, "event-consumer");
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
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (deadLetters != null) deadLetters.close(Duration.ofSeconds(5));
    }

    /** Ready once running and a member of its consumer group. */
    public boolean isHealthy() {
        if (!running) return topics().isEmpty() || !config.consumer().enabled();
        Thread t = thread;
        return t != null && t.isAlive() && joined;
    }

    private void run() {
        EventHandler handler = handlers.get();
        while (running) {
            // The group id carries the namespace, so test runs and deployments sharing a broker never share a group.
            String groupId = config.namespace() + "." + config.group();
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(clients.consumer(groupId, config.group() + "-consumer"))) {
                consumer = c;
                c.subscribe(topics(), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        // Offsets are committed after every batch; nothing is pending here.
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        joined = true;
                        LOG.debugf("assigned %s", partitions);
                    }
                });
                LOG.infof("consuming %s as group %s", topics(), groupId);
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) handleBatch(c, records, handler);
                }
            } catch (WakeupException e) {
                // stop() woke us
            } catch (Exception e) {
                if (!running) break;
                LOG.warnf("event consumer failed, restarting in 1 s (uncommitted events will be redelivered): %s", e.toString());
                sleep(1_000);
            } finally {
                consumer = null;
                joined = false;
            }
        }
    }

    private void handleBatch(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records, EventHandler handler) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean stalled = false;
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
                if (stalled || !handle(r, handler)) {
                    // Database unreachable: rewind this partition to the first unapplied record.
                    stalled = true;
                    c.seek(tp, r.offset());
                    break;
                }
                done.put(tp, new OffsetAndMetadata(r.offset() + 1));
            }
        }
        if (!done.isEmpty()) c.commitSync(done);
        if (stalled) sleep(1_000);
    }

    /** @return false when the record could not be applied because the infrastructure is down */
    private boolean handle(ConsumerRecord<String, byte[]> r, EventHandler handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(r, json);
        } catch (MalformedEventException e) {
            deadLetter(r, e, 1);
            return true;
        }
        int max = Math.max(1, config.consumer().maxAttempts());
        Exception last = null;
        for (int attempt = 1; attempt <= max; attempt++) {
            try {
                handler.on(event);
                metrics.counter("shangliang.events.consumed", "type", event.type()).increment();
                return true;
            } catch (Exception e) {
                if (Failures.isInfrastructure(e)) {
                    LOG.warnf("cannot apply %s now, will retry: %s", event, e.toString());
                    return false;
                }
                last = e;
                if (Failures.isPermanent(e)) {
                    deadLetter(r, e, attempt);
                    return true;
                }
                LOG.debugf("attempt %d of %d failed for %s: %s", attempt, max, event, e.toString());
                if (attempt < max) sleep(config.consumer().retryBackoff().toMillis() * attempt);
            }
        }
        deadLetter(r, last, max);
        return true;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, Exception error, int attempts) {
        String topic = config.deadLetterTopic();
        LOG.errorf("dead-lettering %s/%d@%d to %s after %d attempt(s): %s", r.topic(), r.partition(), r.offset(), topic, attempts, Failures.describe(error));
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers());
        dead.headers().add(CloudEventHeaders.DLT_TOPIC, bytes(r.topic()));
        dead.headers().add(CloudEventHeaders.DLT_PARTITION, bytes(Integer.toString(r.partition())));
        dead.headers().add(CloudEventHeaders.DLT_OFFSET, bytes(Long.toString(r.offset())));
        dead.headers().add(CloudEventHeaders.DLT_ERROR, bytes(Failures.describe(error)));
        dead.headers().add(CloudEventHeaders.DLT_ATTEMPTS, bytes(Integer.toString(attempts)));
        dead.headers().add(CloudEventHeaders.DLT_CONSUMER, bytes(config.group()));
        try {
            deadLetters.send(dead).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Not committed, so the record comes back after the consumer restarts: nothing is lost.
            throw new IllegalStateException("cannot write to dead-letter topic " + topic, e);
        }
        metrics.counter("shangliang.events.dead_lettered", "topic", r.topic()).increment();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
