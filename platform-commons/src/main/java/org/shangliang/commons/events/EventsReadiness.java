package org.shangliang.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the outbox relay runs and the event consumer has joined its group. */
@Readiness
@ApplicationScoped
public class EventsReadiness implements HealthCheck {

    @Inject OutboxRelay relay;
    @Inject EventConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-backbone")
                .status(relay.isRunning() && consumer.isHealthy())
                .withData("outboxRelay", relay.isRunning())
                .withData("consumer", consumer.isHealthy())
                .build();
    }
}
