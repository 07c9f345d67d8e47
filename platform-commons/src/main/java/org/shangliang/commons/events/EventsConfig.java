package org.shangliang.commons.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a service takes part in the event backbone. Kafka topic names are
 * {@code <namespace>.<stream>}; tests use a random namespace so runs never see each other's events.
 */
@ConfigMapping(prefix = "shangliang.events")
public interface EventsConfig {

    /** Prefix of every Kafka topic name. */
    @WithDefault("shangliang")
    String namespace();

    /** The stream this service publishes to, e.g. {@code topics}. */
    String stream();

    /** CloudEvents source of what this service publishes, e.g. {@code /shangliang/topics-service}. */
    String source();

    /** Consumer group id; also names the dead-letter topic. */
    String group();

    /** Streams this service consumes. */
    Optional<List<String>> subscribe();

    /** Partitions of the topics this service creates when they are missing. */
    @WithDefault("3")
    int partitions();

    Relay relay();

    Consumer consumer();

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /** Fallback poll when no NOTIFY arrives (e.g. a notification lost on reconnect). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();
    }

    interface Consumer {
        @WithDefault("true")
        boolean enabled();

        /** Tries of a failing event before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("100ms")
        Duration retryBackoff();
    }

    default String topic(String stream) {
        return namespace() + "." + stream;
    }

    default String deadLetterTopic() {
        return namespace() + "." + group() + ".dlt";
    }
}
