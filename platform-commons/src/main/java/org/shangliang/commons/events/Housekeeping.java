package org.shangliang.commons.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the plumbing tables from growing without end: published outbox rows, inbox ids and
 * idempotency keys are dropped once nobody can need them. Inbox ids are kept well past Kafka's
 * retention, since a redelivery can come only while the record is still in the topic. The audit
 * trail is never touched. It runs once per period across the replicas ({@link ScheduledJobs}).
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    @Inject EntityManager em;
    @Inject ScheduledJobs jobs;

    @ConfigProperty(name = "shangliang.housekeeping.outbox-retention", defaultValue = "P7D") Duration outboxRetention;
    @ConfigProperty(name = "shangliang.housekeeping.inbox-retention", defaultValue = "P30D") Duration inboxRetention;
    @ConfigProperty(name = "shangliang.housekeeping.idempotency-retention", defaultValue = "P1D") Duration idempotencyRetention;
    @ConfigProperty(name = "shangliang.housekeeping.every", defaultValue = "PT1H") Duration every;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent ignored) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "housekeeping");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runSafely, every.toSeconds(), every.toSeconds(), TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) timer.shutdownNow();
    }

    private void runSafely() {
        try {
            // Every replica ticks; one of them runs it each period.
            if (jobs.claim("housekeeping", every)) runOnce();
        } catch (RuntimeException e) {
            LOG.warnf("housekeeping failed, will try again in %s: %s", every, e.toString());
        }
    }

    /** @return rows removed: outbox, inbox, idempotency keys */
    public int[] runOnce() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return QuarkusTransaction.requiringNew().call(() -> new int[] {
                em.createNativeQuery("delete from outbox_event where published_at is not null and published_at < ?1")
                        .setParameter(1, now.minus(outboxRetention)).executeUpdate(),
                em.createNativeQuery("delete from inbox_event where applied_at < ?1")
                        .setParameter(1, now.minus(inboxRetention)).executeUpdate(),
                em.createNativeQuery("delete from idempotency_key where created_at < ?1")
                        .setParameter(1, now.minus(idempotencyRetention)).executeUpdate()});
    }
}
