package org.shangliang.commons.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a service takes part in the event backbone. Kafka topic names are
 * {@code <namespace>.<stream>}; tests use a random namespace so runs never see each other's events.
 * The streams a service consumes come from its {@link EventHandler#subscriptions()}.
 */
@ConfigMapping(prefix = "shangliang.events")
public interface EventsConfig {

    /** Prefix of every Kafka topic name. */
    @WithDefault("shangliang")
    String namespace();

    /** The stream this service publishes to, e.g. {@code topics}. */
    String stream();

    /** Streams this service owns besides its own (e.g. topics-service's {@code directory}). */
    Optional<List<String>> alsoPublishes();

    /**
     * Streams whose Kafka topics are compacted (the latest event per key kept for ever, no time
     * retention): state-carrying reference data such as the directory. Shared by publishers and readers.
     */
    @WithDefault("directory")
    List<String> compactedStreams();

    /**
     * Compacted streams this service keeps a local copy of ({@link ReferenceCopy}), each with the
     * CloudEvents source of its owner, e.g. {@code shangliang.events.copies.directory.source=/shangliang/topics-service}.
     */
    @WithDefaults
    Map<String, Copy> copies();

    /** One copied stream. */
    interface Copy {
        /** CloudEvents source of the stream's owner: only its events are taken (none set: none are). */
        Optional<String> source();
    }

    /** CloudEvents source of what this service publishes, e.g. {@code /shangliang/topics-service}. */
    String source();

    /** Consumer group id; also names the dead-letter topic. */
    String group();

    /**
     * A Kafka client properties file (TLS, SASL ...) applied to every client of this service,
     * after which {@code kafka.*} configuration properties apply.
     */
    Optional<String> clientPropertiesFile();

    Topics topics();

    Relay relay();

    Consumer consumer();

    /** The Kafka topics of this service: created where that is allowed, otherwise only checked. */
    interface Topics {
        /** Create missing topics (local development and tests); in production they are made by the platform team and only verified. */
        @WithDefault("false")
        boolean create();

        @WithDefault("6")
        int partitions();

        @WithDefault("3")
        short replicationFactor();

        @WithDefault("2")
        int minInsyncReplicas();

        /** How long Kafka keeps events; the inbox keeps ids longer, so a redelivery is always recognised. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /** Fallback poll when no NOTIFY arrives (e.g. a notification lost on reconnect); also how often a standby asks to lead. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** Kafka transactional id; one per service, shared by its replicas, so the broker fences a relay that lost its lead. */
        Optional<String> transactionalId();

        /** Longest a drain may wait for Kafka: well below the database transaction timeout. */
        @WithDefault("20s")
        Duration drainTimeout();

        /** Upper bound of the backoff after failures (it starts at 200 ms and doubles). */
        @WithDefault("10s")
        Duration maxBackoff();
    }

    interface Consumer {
        @WithDefault("true")
        boolean enabled();

        /** Tries of an event that fails with a data error before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("100ms")
        Duration retryBackoff();

        /** Upper bound of the pause of a partition while the database cannot apply its events. */
        @WithDefault("30s")
        Duration maxPause();

        /**
         * Static group membership: a restarted replica with the same id takes its partitions back at
         * once instead of waiting for the session timeout. Default: group, host name and HTTP port.
         */
        Optional<String> instanceId();

        @WithDefault("10s")
        Duration sessionTimeout();

        /**
         * Leave the consumer group when the service stops (its partitions move to the other replicas at
         * once) instead of keeping its static membership for a restart under the same instance id.
         * On for a Kubernetes Deployment, whose pods never come back under their name.
         */
        @WithDefault("false")
        boolean leaveGroupOnStop();

        /**
         * What to do when the committed offset of a partition is no longer in the topic (the service
         * fell behind retention): {@code pause} (default: stop that partition and report it) or
         * {@code earliest} (skip to the oldest event still kept, accepting the loss).
         */
        @WithDefault("pause")
        String onOffsetOutOfRange();
    }

    default String topic(String stream) {
        return namespace() + "." + stream;
    }

    default String deadLetterTopic() {
        return namespace() + "." + group() + ".dlt";
    }

    default String transactionalId() {
        return relay().transactionalId().orElse(namespace() + "." + group() + ".outbox");
    }
}
