package org.shangliang.commons.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;

/**
 * Periodic jobs that must run once per period across all replicas (定时任务只跑一次): each replica
 * keeps its own timer, and before running a job claims the period in the shared database. The claim
 * is one upsert that succeeds only if the job's last run is at least a period ago, so of two replicas
 * ticking in the same period exactly one runs it, whatever their timers' phases.
 */
@ApplicationScoped
public class ScheduledJobs {

    /** This process, as recorded against the runs it claims (host name and a random suffix). */
    private static final String INSTANCE = instance();

    @Inject EntityManager em;
    @Inject MeterRegistry metrics;

    /**
     * Claims this period of {@code job}. A period is {@code every} less a tenth, so that a replica
     * whose timer fires a little early is not skipped for a whole period.
     * @return true when this replica is to run the job now
     */
    public boolean claim(String job, Duration every) {
        long slackMillis = every.toMillis() / 10;
        Number claimed = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery("""
                        with claimed as (
                            insert into scheduled_job (name, last_run_at, ran_by) values (?1, now(), ?2)
                            on conflict (name) do update set last_run_at = excluded.last_run_at, ran_by = excluded.ran_by
                            where scheduled_job.last_run_at <= now() - make_interval(secs => ?3)
                            returning 1)
                        select count(*) from claimed""")
                .setParameter(1, job).setParameter(2, INSTANCE).setParameter(3, (every.toMillis() - slackMillis) / 1000.0)
                .getSingleResult());
        boolean mine = claimed.intValue() == 1;
        metrics.counter("shangliang.scheduled.runs", "job", job, "outcome", mine ? "ran" : "skipped").increment();
        return mine;
    }

    private static String instance() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown";
        }
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
