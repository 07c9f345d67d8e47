package org.shangliang.commons.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The transport half of event handling: polls, checks each record against the handler's
 * {@link Subscriptions}, hands it to the service's {@link EventHandler}, and commits offsets only
 * for records whose transaction committed.
 * <ul>
 * <li>A malformed or untrusted event goes to the dead-letter topic at once; one that hits a data
 * error (SQL classes 22/23) after a few tries. Nothing else is ever dead-lettered: when the
 * database (or the handler) cannot apply an event now, its partition is paused and retried with a
 * growing pause, the event kept in order.</li>
 * <li>A stop is noticed between records: what was applied is committed, the consumer closes.</li>
 * <li>Static membership ({@code group.instance.id}): a restarted replica takes its partitions back
 * at once instead of waiting for the session timeout.</li>
 * <li>A new group starts at the beginning of each topic; a group whose committed offset fell out of
 * retention stops that partition and says so, unless configured to accept the loss.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject EventsConfig config;
    @Inject KafkaClients clients;
    @Inject Instance<EventHandler> handlers;
    @Inject ObjectMapper json;
    @Inject Validator validator;
    @Inject MeterRegistry metrics;
    @Inject Inbox inbox;
    @Inject EventTracing tracing;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort;
    /** Fault injection for the fault suite only: halt the process after applying an event of this type, before its offset is committed. */
    @ConfigProperty(name = "shangliang.faults.halt-after-apply") java.util.Optional<String> haltAfterApply;

    private volatile boolean running;
    private volatile Thread thread;
    /** Set once the group has given this replica its share (possibly none): events flow from then on. */
    private volatile boolean joined;
    private volatile String lastError;
    private MultiGauge lagGauge;
    private long lagRecordedAt;
    private KafkaProducer<String, byte[]> deadLetters;
    /** Partitions waiting for the database (or a fix) before their next try, and how long they wait. */
    private final Map<TopicPartition, Long> resumeAt = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> pauseMillis = new ConcurrentHashMap<>();
    /** Partitions stopped because their committed offset is no longer in the topic. */
    private final Set<TopicPartition> outOfRange = ConcurrentHashMap.newKeySet();

    public Subscriptions subscriptions() {
        return handlers.isResolvable() ? handlers.get().subscriptions() : Subscriptions.none();
    }

    public List<String> topics() {
        return subscriptions().streams().stream().map(config::topic).toList();
    }

    void start() {
        Gauge.builder("shangliang.events.paused.partitions", resumeAt, Map::size)
                .description("Partitions waiting because their next event cannot be applied now").register(metrics);
        Gauge.builder("shangliang.events.out.of.range.partitions", outOfRange, Set::size)
                .description("Partitions stopped because the service fell behind Kafka's retention").register(metrics);
        lagGauge = MultiGauge.builder("shangliang.events.consumer.lag")
                .description("Events on a partition this replica consumes that it has not applied yet (records behind the end)").register(metrics);
        if (!config.consumer().enabled() || topics().isEmpty()) {
            LOG.infof("event consumer not started (enabled=%s, topics=%s)", config.consumer().enabled(), topics());
            return;
        }
        deadLetters = new KafkaProducer<>(clients.producer(config.group() + "-dlt"));
        running = true;
        thread = new Thread(this::run, "event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the record being applied: its offset and those before it are committed, then the consumer closes. */
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (deadLetters != null) deadLetters.close(Duration.ofSeconds(5));
    }

    public boolean isEnabled() {
        return config.consumer().enabled() && !topics().isEmpty();
    }

    public boolean isRunning() {
        Thread t = thread;
        return !isEnabled() || (t != null && t.isAlive());
    }

    public boolean isJoined() {
        return joined;
    }

    public int pausedPartitions() {
        return resumeAt.size();
    }

    public Set<TopicPartition> outOfRangePartitions() {
        return Set.copyOf(outOfRange);
    }

    public String lastError() {
        return lastError;
    }

    String instanceId() {
        return config.consumer().instanceId().orElseGet(() -> {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "localhost";
            }
            return config.group() + "-" + host + "-" + httpPort;
        });
    }

    private void run() {
        EventHandler handler = handlers.get();
        Subscriptions subscriptions = handler.subscriptions();
        while (running) {
            // The group id carries the namespace, so test runs and deployments sharing a broker never share a group.
            String groupId = config.namespace() + "." + config.group();
            KafkaConsumer<String, byte[]> c = null;
            try {
                c = new KafkaConsumer<>(clients.consumer(groupId, config.group() + "-consumer", instanceId()));
                c.subscribe(topics(), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        // Offsets are committed after every batch; nothing is pending here.
                        partitions.forEach(this::forget);
                    }

                    @Override
                    public void onPartitionsLost(Collection<TopicPartition> partitions) {
                        partitions.forEach(this::forget);
                    }

                    private void forget(TopicPartition tp) {
                        resumeAt.remove(tp);
                        pauseMillis.remove(tp);
                        outOfRange.remove(tp);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        joined = true;
                        LOG.debugf("assigned %s", partitions);
                    }
                });
                LOG.infof("consuming %s as group %s (instance %s)", topics(), groupId, instanceId());
                while (running) {
                    resumeDue(c);
                    ConsumerRecords<String, byte[]> records;
                    try {
                        records = c.poll(Duration.ofMillis(500));
                    } catch (NoOffsetForPartitionException e) {
                        // A new group (or one whose offsets expired): everything in the topic is new to us.
                        LOG.infof("no committed offset for %s: starting at the beginning", e.partitions());
                        c.seekToBeginning(e.partitions());
                        continue;
                    } catch (OffsetOutOfRangeException e) {
                        fellBehind(c, e.offsetOutOfRangePartitions().keySet());
                        continue;
                    }
                    if (!records.isEmpty()) handleBatch(c, records, handler, subscriptions);
                    recordLag(c);
                }
            } catch (WakeupException e) {
                // woken to stop
            } catch (Exception e) {
                if (!running) break;
                lastError = Failures.describe(e);
                LOG.warnf("event consumer failed, restarting in 1 s (uncommitted events will be redelivered): %s", e.toString());
                sleep(1_000);
            } finally {
                joined = false;
                resumeAt.clear();
                if (c != null) close(c);
            }
        }
    }

    /**
     * A static member stays in the group when it closes, so that a replica coming back under the same
     * instance id takes its partitions back without a rebalance. A replica that stops for good (a
     * Kubernetes Deployment's pod never returns under its name) leaves instead, so that the others
     * take its partitions at once rather than after the session timeout.
     */
    private void close(KafkaConsumer<String, byte[]> c) {
        CloseOptions options = CloseOptions.timeout(Duration.ofSeconds(5));
        if (!running && config.consumer().leaveGroupOnStop()) options = options.withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
        try {
            c.close(options);
        } catch (Exception e) {
            LOG.debugf("closing the consumer: %s", e.toString());
        }
    }

    /**
     * Lag per assigned partition, as the consumer knows it from its last fetch (no call to the
     * broker). Only this replica's partitions: the group's lag is the sum over replicas.
     */
    private void recordLag(KafkaConsumer<String, byte[]> c) {
        long now = System.currentTimeMillis();
        if (now - lagRecordedAt < 1_000) return;
        lagRecordedAt = now;
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (TopicPartition tp : c.assignment()) {
            OptionalLong lag = c.currentLag(tp);
            if (lag.isPresent()) rows.add(MultiGauge.Row.of(Tags.of("topic", tp.topic(), "partition", Integer.toString(tp.partition())), lag.getAsLong()));
        }
        lagGauge.register(rows, true);
    }

    private void fellBehind(KafkaConsumer<String, byte[]> c, Set<TopicPartition> partitions) {
        metrics.counter("shangliang.events.out_of_range").increment(partitions.size());
        if ("earliest".equalsIgnoreCase(config.consumer().onOffsetOutOfRange())) {
            LOG.errorf("committed offsets of %s are no longer in Kafka; configured to skip to the oldest event kept: events in between are lost to this service", partitions);
            c.seekToBeginning(partitions);
            return;
        }
        LOG.errorf("committed offsets of %s are no longer in Kafka (the service fell behind retention): these partitions are stopped. "
                + "Restore the missing events, or set shangliang.events.consumer.on-offset-out-of-range=earliest to accept the loss", partitions);
        outOfRange.addAll(partitions);
        c.pause(partitions);
    }

    private void resumeDue(KafkaConsumer<String, byte[]> c) {
        long now = System.currentTimeMillis();
        for (Map.Entry<TopicPartition, Long> e : resumeAt.entrySet()) {
            if (e.getValue() <= now) {
                resumeAt.remove(e.getKey());
                if (c.assignment().contains(e.getKey())) c.resume(List.of(e.getKey()));
            }
        }
    }

    private void handleBatch(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records, EventHandler handler, Subscriptions subscriptions) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            for (TopicPartition tp : records.partitions()) {
                for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
                    if (!running) return; // stop between records; the finally commits what was applied
                    boolean applied;
                    // Applied under a span that continues the publisher's trace: what the handler writes (its outbox rows too) joins it.
                    Span span = tracing.consuming(r, config.namespace() + "." + config.group());
                    try (Scope ignored = span.makeCurrent()) {
                        applied = handle(r, handler, subscriptions);
                    } finally {
                        span.end();
                    }
                    if (!applied) {
                        // Cannot be applied now: rewind to it and pause the partition, keeping its order.
                        c.seek(tp, r.offset());
                        pause(c, tp);
                        break;
                    }
                    pauseMillis.remove(tp);
                    if (haltAfterApply.isPresent() && haltAfterApply.get().equals(IncomingEvent.header(r, CloudEventHeaders.TYPE))) {
                        LOG.errorf("fault injection: halting after applying %s/%d@%d, before committing its offset", r.topic(), r.partition(), r.offset());
                        Runtime.getRuntime().halt(137);
                    }
                    done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                }
            }
        } finally {
            if (!done.isEmpty()) c.commitSync(done);
        }
    }

    private void pause(KafkaConsumer<String, byte[]> c, TopicPartition tp) {
        long next = Math.min(Math.max(1_000, pauseMillis.getOrDefault(tp, 500L) * 2), config.consumer().maxPause().toMillis());
        pauseMillis.put(tp, next);
        resumeAt.put(tp, System.currentTimeMillis() + next);
        c.pause(List.of(tp));
    }

    /** @return false when the record cannot be applied now and must be tried again later */
    private boolean handle(ConsumerRecord<String, byte[]> r, EventHandler handler, Subscriptions subscriptions) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(r, json, validator);
        } catch (MalformedEventException e) {
            return deadLetter(r, "malformed", e, 1);
        }
        String stream = streamOf(r.topic());
        switch (subscriptions.judge(stream, event.type(), event.source())) {
            case IGNORE -> {
                metrics.counter("shangliang.events.ignored", "type", event.type()).increment();
                return true;
            }
            case UNKNOWN -> {
                LOG.debugf("skipping %s: no handler takes this type", event);
                metrics.counter("shangliang.events.unknown", "type", event.type()).increment();
                return true;
            }
            case UNTRUSTED -> {
                return deadLetter(r, "untrusted", new MalformedEventException(event.type() + " from source " + event.source()
                        + " on " + r.topic() + " is not trusted: this service takes it only from its owner on its own stream"), 1);
            }
            case HANDLE -> event = event.from(subscriptions.route(stream).orElseThrow().publisher());
        }
        int max = Math.max(1, config.consumer().maxAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                handler.on(event);
                metrics.counter("shangliang.events.consumed", "type", event.type()).increment();
                return true;
            } catch (Exception e) {
                switch (Failures.classify(e)) {
                    case MALFORMED -> {
                        return deadLetter(r, "malformed", e, attempt);
                    }
                    case DATA -> {
                        if (attempt >= max) return deadLetter(r, "data", e, attempt);
                        LOG.debugf("attempt %d of %d failed for %s: %s", attempt, max, event, e.toString());
                        sleep(config.consumer().retryBackoff().toMillis() * attempt);
                    }
                    case RETRY_LATER -> {
                        lastError = Failures.describe(e);
                        metrics.counter("shangliang.events.retried").increment();
                        LOG.warnf("cannot apply %s now; its partition waits and tries again: %s", event, lastError);
                        return false;
                    }
                }
            }
        }
    }

    /** What an operator's replay of a dead letter did. */
    public enum Replayed { APPLIED, ALREADY_APPLIED, NOT_HANDLED }

    /**
     * Applies one event again, as it first arrived (original topic and headers), with the same
     * checks and handler as the consumer loop, synchronously.
     * @throws MalformedEventException when it is still malformed or not trusted; other failures as they come
     */
    public Replayed replay(ConsumerRecord<String, byte[]> r) {
        IncomingEvent event = IncomingEvent.from(r, json, validator);
        String stream = streamOf(r.topic());
        Subscriptions subscriptions = subscriptions();
        switch (subscriptions.judge(stream, event.type(), event.source())) {
            case IGNORE, UNKNOWN -> {
                return Replayed.NOT_HANDLED;
            }
            case UNTRUSTED -> throw new MalformedEventException(event.type() + " from source " + event.source() + " on " + r.topic() + " is not trusted");
            case HANDLE -> event = event.from(subscriptions.route(stream).orElseThrow().publisher());
        }
        if (inbox.seen(event.id())) return Replayed.ALREADY_APPLIED;
        handlers.get().on(event);
        metrics.counter("shangliang.events.replayed", "type", event.type()).increment();
        return Replayed.APPLIED;
    }

    private String streamOf(String topic) {
        String prefix = config.namespace() + ".";
        return topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic;
    }

    /** @return true once the record is safely in the dead-letter topic; false to try the record again later */
    private boolean deadLetter(ConsumerRecord<String, byte[]> r, String reason, Exception error, int attempts) {
        String topic = config.deadLetterTopic();
        LOG.errorf("dead-lettering %s/%d@%d (%s) to %s after %d attempt(s): %s", r.topic(), r.partition(), r.offset(), reason, topic, attempts, Failures.describe(error));
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers());
        dead.headers().add(CloudEventHeaders.DLT_TOPIC, bytes(r.topic()));
        dead.headers().add(CloudEventHeaders.DLT_PARTITION, bytes(Integer.toString(r.partition())));
        dead.headers().add(CloudEventHeaders.DLT_OFFSET, bytes(Long.toString(r.offset())));
        dead.headers().add(CloudEventHeaders.DLT_REASON, bytes(reason));
        dead.headers().add(CloudEventHeaders.DLT_ERROR, bytes(Failures.describe(error)));
        dead.headers().add(CloudEventHeaders.DLT_ATTEMPTS, bytes(Integer.toString(attempts)));
        dead.headers().add(CloudEventHeaders.DLT_CONSUMER, bytes(config.group()));
        try {
            deadLetters.send(dead).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            lastError = "cannot write to dead-letter topic " + topic + ": " + e;
            LOG.warn(lastError);
            return false; // not committed: the record stays, and is tried again
        }
        String type = IncomingEvent.header(r, CloudEventHeaders.TYPE);
        metrics.counter("shangliang.events.dead_lettered", "topic", r.topic(), "type", type == null ? "none" : type, "reason", reason).increment();
        return true;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void sleep(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            while (running && System.nanoTime() < until) Thread.sleep(Math.min(100, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
