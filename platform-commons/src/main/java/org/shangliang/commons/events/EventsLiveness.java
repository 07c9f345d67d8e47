package org.shangliang.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the relay and consumer threads run (they restart themselves on failures; a dead one needs a restart). */
@Liveness
@ApplicationScoped
public class EventsLiveness implements HealthCheck {

    @Inject OutboxRelay relay;
    @Inject EventConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-threads")
                .status(relay.isRunning() && consumer.isRunning())
                .withData("outboxRelay", relay.isRunning())
                .withData("consumer", consumer.isRunning())
                .build();
    }
}
