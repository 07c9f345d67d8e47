package org.shangliang.topics.messaging.out;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.shangliang.commons.events.ScheduledJobs;
import org.shangliang.topics.config.WebhooksConfig;
import org.shangliang.topics.domain.WebhookDeliveryRepository;

/**
 * Keeps the delivery log from growing without end: delivered deliveries go after
 * {@code keep-delivered} (30 days); parked ones stay until they are replayed or their subscription
 * is deleted, so nothing undelivered is ever dropped. Once an hour, on one replica ({@link ScheduledJobs}).
 */
@ApplicationScoped
public class WebhookHousekeeping {

    private static final Logger LOG = Logger.getLogger(WebhookHousekeeping.class);
    private static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 5_000;

    @Inject WebhooksConfig config;
    @Inject ScheduledJobs jobs;
    @Inject WebhookDeliveryRepository deliveries;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent ignored) {
        if (!config.enabled()) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-housekeeping");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runSafely, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) timer.shutdownNow();
    }

    private void runSafely() {
        try {
            if (jobs.claim("webhook-housekeeping", EVERY)) purge(Instant.now().minus(config.keepDelivered()));
        } catch (RuntimeException e) {
            LOG.warnf("webhook housekeeping failed, will try again in %s: %s", EVERY, e.toString());
        }
    }

    /** Drops the deliveries delivered before {@code before}, in batches of their own transactions; @return how many */
    public int purge(Instant before) {
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> deliveries.deleteDelivered(before, BATCH));
            total += n;
        } while (n == BATCH);
        return total;
    }
}
