package org.shangliang.commons.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/** Creates the service's topics if missing, then starts the relay and the consumer. */
@ApplicationScoped
public class EventsLifecycle {

    private static final Logger LOG = Logger.getLogger(EventsLifecycle.class);

    @Inject EventsConfig config;
    @Inject KafkaClients clients;
    @Inject OutboxRelay relay;
    @Inject EventConsumer consumer;

    void onStart(@Observes StartupEvent ignored) {
        ensureTopics();
        relay.start();
        consumer.start();
    }

    void onStop(@Observes ShutdownEvent ignored) {
        consumer.stop();
        relay.stop();
    }

    private void ensureTopics() {
        Set<String> names = new LinkedHashSet<>();
        names.add(config.topic(config.stream()));
        names.addAll(consumer.topics());
        names.add(config.deadLetterTopic());
        List<NewTopic> wanted = new ArrayList<>();
        for (String name : names) wanted.add(new NewTopic(name, config.partitions(), (short) 1));
        try (Admin admin = Admin.create(clients.admin())) {
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
