package org.shangliang.commons.events;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The event backbone, as a wellness check ({@code /q/health/well}): DOWN means degraded — events
 * wait in the outbox or in Kafka — not that the API is out of service. Readiness stays with the
 * database: a Kafka outage must not take the API away, that is what the outbox is for.
 * Answers at once from what the relay and consumer last saw; it never calls Kafka itself.
 */
@Wellness
@ApplicationScoped
public class EventsHealth implements HealthCheck {

    @Inject OutboxRelay relay;
    @Inject EventConsumer consumer;
    @Inject EventsLifecycle lifecycle;
    @Inject ReferenceCopy copy;

    @Override
    public HealthCheckResponse call() {
        boolean publishing = relay.lastError() == null;
        boolean consuming = consumer.isRunning() && (!consumer.isEnabled() || consumer.isJoined())
                && consumer.pausedPartitions() == 0 && consumer.outOfRangePartitions().isEmpty();
        boolean topics = lifecycle.missingTopics().isEmpty();
        boolean copying = copy.isCaughtUp() && copy.lastError() == null;
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-backbone")
                .status(relay.isRunning() && publishing && consuming && topics && copying)
                .withData("relay", !relay.isRunning() ? "stopped" : relay.isLeader() ? "leading" : "standby")
                .withData("outboxUnpublished", relay.unpublished())
                .withData("outboxOldestUnpublishedSeconds", Math.round(relay.oldestUnpublishedSeconds()))
                .withData("consumerJoined", consumer.isJoined())
                .withData("pausedPartitions", consumer.pausedPartitions())
                .withData("referenceCopyCaughtUp", copy.isCaughtUp())
                .withData("referenceCopyLag", copy.lag());
        if (relay.lastError() != null) b.withData("publishError", relay.lastError());
        if (consumer.lastError() != null) b.withData("consumerError", consumer.lastError());
        if (!consumer.outOfRangePartitions().isEmpty()) b.withData("outOfRange", consumer.outOfRangePartitions().toString());
        if (copy.lastError() != null) b.withData("referenceCopyError", copy.lastError());
        if (!topics) b.withData("missingTopics", lifecycle.missingTopics().toString());
        return b.build();
    }
}
