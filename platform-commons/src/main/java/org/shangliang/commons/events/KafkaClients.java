package org.shangliang.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Kafka client settings in one place: what "reliable" means for this platform, plus whatever the
 * deployment passes through (TLS, SASL, timeouts): a client properties file
 * ({@code shangliang.events.client-properties-file}) and every {@code kafka.<property>} in the
 * configuration. The guarantees below cannot be switched off that way.
 */
@ApplicationScoped
public class KafkaClients {

    /** Settings the platform's delivery guarantees depend on: never taken from pass-through configuration. */
    private static final Set<String> GUARANTEES = Set.of(
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.ACKS_CONFIG, ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.ISOLATION_LEVEL_CONFIG, ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);

    @Inject EventsConfig config;

    /** Bootstrap servers, security and other pass-through settings common to every client. */
    public Properties common() {
        Properties p = new Properties();
        config.clientPropertiesFile().ifPresent(file -> {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Kafka client properties " + file, e);
            }
        });
        Config mp = ConfigProvider.getConfig();
        for (String name : mp.getPropertyNames()) {
            if (!name.startsWith("kafka.") || name.length() == 6) continue;
            mp.getOptionalValue(name, String.class).ifPresent(v -> p.put(name.substring(6), v));
        }
        GUARANTEES.forEach(p::remove);
        return p;
    }

    /** A plain idempotent producer (dead letters). */
    public Properties producer(String clientId) {
        Properties p = common();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // Idempotent and fully acknowledged: a retried send neither duplicates nor reorders.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        // send() must never block a drain for long: metadata of a missing broker fails fast and is retried by the relay.
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /**
     * The outbox relay's producer: transactional, with one fixed id per service. A batch is
     * visible to consumers whole or not at all, and a relay that lost its lead is fenced by the
     * broker as soon as the new leader starts.
     */
    public Properties transactionalProducer(String clientId, String transactionalId) {
        Properties p = producer(clientId);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        return p;
    }

    public Properties consumer(String groupId, String clientId, String instanceId) {
        Properties p = reader(clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        if (instanceId != null) p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        p.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.consumer().sessionTimeout().toMillis());
        p.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(1_000, config.consumer().sessionTimeout().toMillis() / 4));
        // Never skip silently: a new group starts at the beginning (EventConsumer seeks there),
        // a group that fell behind retention stops and says so.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        return p;
    }

    /**
     * A consumer reading only what the relays committed ({@code read_committed}: an aborted batch is
     * never seen) and committing offsets only by hand, after the transaction that applied the event.
     * Without a group, for reading (e.g. the dead-letter topic) by partition and offset.
     */
    public Properties reader(String clientId) {
        Properties p = common();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    public Properties admin() {
        Properties p = common();
        p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return p;
    }
}
