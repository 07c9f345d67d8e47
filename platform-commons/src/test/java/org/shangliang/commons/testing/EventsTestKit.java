package org.shangliang.commons.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the real broker in tests: sends CloudEvents as another service would, and reads
 * what a service published (from the beginning of the topic, with no consumer group).
 */
public final class EventsTestKit implements AutoCloseable {

    private static EventsTestKit shared;

    private final String bootstrap;
    private final String namespace;
    private final KafkaProducer<String, byte[]> producer;

    /**
     * One kit per test JVM, for the service under test: its broker and its (per-run) topic
     * namespace come from the service's configuration; closed when the JVM exits.
     */
    public static synchronized EventsTestKit forServiceUnderTest() {
        if (shared == null) {
            var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            shared = new EventsTestKit(config.getValue("kafka.bootstrap.servers", String.class),
                    config.getValue("shangliang.events.namespace", String.class));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** The Kafka topic of a stream, e.g. {@code topic("sessions")}. */
    public String topic(String stream) {
        return namespace + "." + stream;
    }

    /** The dead-letter topic of a consumer group. */
    public String deadLetters(String group) {
        return namespace + "." + group + ".dlt";
    }

    public EventsTestKit(String bootstrap, String namespace) {
        this.bootstrap = bootstrap;
        this.namespace = namespace;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    /** Sends a CloudEvent in binary mode; returns where it landed. */
    public RecordMetadata send(String topic, String key, String eventId, String type, String source, String json) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        if (eventId != null) header(r, "ce_id", eventId);
        if (type != null) header(r, "ce_type", type);
        header(r, "ce_source", source);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_time", Instant.now().toString());
        header(r, "ce_subject", key);
        header(r, "content-type", "application/json");
        try {
            return producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test event to " + topic, e);
        }
    }

    public RecordMetadata send(String topic, String key, String type, String source, String json) {
        return send(topic, key, UUID.randomUUID().toString(), type, source, json);
    }

    /** Every record of {@code topic} that matches, read from the start until {@code timeout} passes or {@code enough} are found. */
    public List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> match, int enough, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<PartitionInfo> partitions = null;
            while (partitions == null || partitions.isEmpty()) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (System.nanoTime() > deadline) return found;
            }
            List<TopicPartition> tps = partitions.stream().map(pi -> new TopicPartition(topic, pi.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            while (System.nanoTime() < deadline && found.size() < enough) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) found.add(r);
                }
            }
        }
        return found;
    }

    /** The first matching record, or an AssertionError after {@code timeout}. */
    public ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = read(topic, match, 1, timeout);
        if (found.isEmpty()) throw new AssertionError("no matching event on " + topic + " within " + timeout);
        return found.get(0);
    }

    /** The bootstrap servers of the broker under test. */
    public String bootstrap() {
        return bootstrap;
    }

    public static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<ConsumerRecord<String, byte[]>> typeAndSubject(String type, Object subject) {
        return r -> type.equals(header(r, "ce_type")) && String.valueOf(subject).equals(header(r, "ce_subject"));
    }

    public static String value(ConsumerRecord<String, byte[]> r) {
        return r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
    }

    private Properties consumerProps() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // As the services read: what an aborted relay transaction sent is not there.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        if (value != null) r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
