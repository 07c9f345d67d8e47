package org.shangliang.commons.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Makes sure the service's Kafka topics are there — created with the configured partitions,
 * replication and retention where this service may create them, only checked where the platform
 * team owns them — then starts the relay and the consumer. Neither waits for Kafka: the API works
 * without it, and the outbox keeps what is to be sent. So this runs on a thread of its own beside
 * the rest of start-up rather than before HTTP opens: readiness is the database's, and a slow or
 * absent broker (the topic check waits up to 15 s) must not hold the service's start.
 */
@ApplicationScoped
public class EventsLifecycle {

    private static final Logger LOG = Logger.getLogger(EventsLifecycle.class);

    @Inject EventsConfig config;
    @Inject KafkaClients clients;
    @Inject OutboxRelay relay;
    @Inject EventConsumer consumer;
    @Inject ReferenceCopy copy;

    private volatile Set<String> missingTopics = Set.of();
    private final Object starting = new Object();
    private boolean stopping;
    private Thread starter;

    void onStart(@Observes StartupEvent ignored) {
        long start = System.nanoTime();
        synchronized (starting) {
            starter = new Thread(() -> {
                ensureTopics();
                // Each step under the lock, so that a stop arriving meanwhile finds either nothing or whole threads to stop.
                synchronized (starting) {
                    if (stopping) return;
                    relay.start();
                    consumer.start();
                    copy.start();
                }
                LOG.infof("event backbone started in %d ms (topics checked, relay and consumer threads running)", (System.nanoTime() - start) / 1_000_000);
            }, "events-start");
            starter.setDaemon(true);
            starter.start();
        }
    }

    /** Runs after HTTP has drained (quarkus.shutdown.timeout): the consumer stops between events, then the relay between drains. */
    void onStop(@Observes ShutdownEvent ignored) {
        synchronized (starting) {
            stopping = true;
        }
        copy.stop();
        consumer.stop();
        relay.stop();
    }

    /** Topics found missing at start (only when this service may not create them). */
    public Set<String> missingTopics() {
        return missingTopics;
    }

    Set<String> topicNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(config.topic(config.stream()));
        config.alsoPublishes().orElse(List.of()).forEach(stream -> names.add(config.topic(stream)));
        names.addAll(consumer.topics());
        names.addAll(copy.topics());
        names.add(config.deadLetterTopic());
        return names;
    }

    private void ensureTopics() {
        Set<String> names = topicNames();
        try (Admin admin = Admin.create(clients.admin())) {
            if (!config.topics().create()) {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                Set<String> missing = new LinkedHashSet<>(names);
                missing.removeAll(existing);
                missingTopics = Set.copyOf(missing);
                if (!missing.isEmpty()) {
                    LOG.errorf("Kafka topics %s are missing; create them (partitions, replication factor %d, min.insync.replicas %d) "
                            + "or set shangliang.events.topics.create=true", missing, config.topics().replicationFactor(), config.topics().minInsyncReplicas());
                }
                return;
            }
            Map<String, String> settings = Map.of(
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(config.topics().minInsyncReplicas()),
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(config.topics().retention().toMillis()));
            // A compacted topic keeps the latest event per key for ever: a reader that starts empty rebuilds from it.
            Map<String, String> compacted = Map.of(
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(config.topics().minInsyncReplicas()),
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.RETENTION_MS_CONFIG, "-1");
            Set<String> compactedTopics = new LinkedHashSet<>();
            config.compactedStreams().forEach(stream -> compactedTopics.add(config.topic(stream)));
            List<NewTopic> wanted = new ArrayList<>();
            for (String name : names) {
                wanted.add(new NewTopic(name, config.topics().partitions(), config.topics().replicationFactor())
                        .configs(compactedTopics.contains(name) ? compacted : settings));
            }
            var result = admin.createTopics(wanted);
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(15, TimeUnit.SECONDS);
                    LOG.infof("created Kafka topic %s", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
        } catch (Exception e) {
            // Not fatal: the broker may be late; the relay and consumer retry on their own.
            LOG.warnf("could not ensure Kafka topics %s: %s", names, e.toString());
        }
    }
}
