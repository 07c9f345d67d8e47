package org.shangliang.followup.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.security.Caller;
import org.shangliang.followup.config.CaseClock;
import org.shangliang.followup.config.FollowupConfig;
import org.shangliang.followup.domain.CaseHistoryEntry;
import org.shangliang.followup.domain.CaseHistoryRepository;
import org.shangliang.followup.domain.CaseRepository;
import org.shangliang.followup.domain.DeadlineState;
import org.shangliang.followup.domain.HandlingCase;
import org.shangliang.followup.messaging.out.CaseDueSoon;
import org.shangliang.followup.messaging.out.CaseOverdue;
import org.shangliang.followup.messaging.out.CaseReminded;

/**
 * The deadline watch: each tick notices the running cases that turned due-soon or overdue, and
 * reminds (催办) the overdue ones again every few days. It runs once per tick across replicas: the
 * tick's transaction first takes a PostgreSQL advisory lock, and a replica that cannot get it skips
 * the tick; each notice is also marked on the case for its deadline, in the same transaction as its
 * event, so even a repeated tick sends nothing twice (docs/decisions/0008-deadline-watch.md).
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    /** The advisory lock's key: "deadline-watch" as a number. */
    static final long LOCK_KEY = 0x5348_4C57_4154_4348L;
    private static final Caller WATCH = Caller.system("/shangliang/followup-service/deadline-watch");

    @Inject EntityManager em;
    @Inject CaseRepository cases;
    @Inject CaseHistoryRepository history;
    @Inject Outbox outbox;
    @Inject Audit audit;
    @Inject CaseClock clock;
    @Inject FollowupConfig config;

    @Scheduled(every = "${shangliang.followup.watch-every:60s}", delayed = "${shangliang.followup.watch-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "deadline-watch")
    void onSchedule() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The database may be away: the next tick tries again; nothing was half-done (one transaction).
            LOG.warnf("deadline watch tick failed: %s", e.toString());
        }
    }

    /** One tick; the number of notices sent, or -1 when another replica holds the tick. */
    public int tick() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
            if (!mine) return -1;
            LocalDate today = clock.today();
            Instant now = clock.now();
            int sent = 0;
            Instant remindBefore = now.minus(Duration.ofDays(config.remindEveryDays()));
            for (HandlingCase c : cases.watched(today, today.plusDays(config.dueSoonDays()), remindBefore, config.watchBatch())) {
                sent += notice(c, today, now);
            }
            cases.flush();
            return sent;
        });
    }

    private int notice(HandlingCase c, LocalDate today, Instant now) {
        DeadlineState state = c.deadlineState(today, config.dueSoonDays());
        if (state == DeadlineState.DUE_SOON && c.noteDueSoon()) {
            int left = (int) ChronoUnit.DAYS.between(today, c.deadline());
            outbox.publish(CaseDueSoon.of(c, left, now));
            remind(c, now, "DUE_SOON", "临期催办：距办理时限 " + c.deadline() + " 还有 " + left + " 天");
            return 1;
        }
        if (state == DeadlineState.OVERDUE) {
            if (c.noteOverdue()) {
                outbox.publish(CaseOverdue.of(c, now));
                remind(c, now, "OVERDUE", "逾期催办：办理时限 " + c.deadline() + " 已过");
                return 1;
            }
            if (c.lastRemindedAt() == null || !c.lastRemindedAt().plus(Duration.ofDays(config.remindEveryDays())).isAfter(now)) {
                long late = ChronoUnit.DAYS.between(c.deadline(), today);
                remind(c, now, "OVERDUE_AGAIN", "再次催办：已逾期 " + late + " 天");
                return 1;
            }
        }
        return 0;
    }

    private void remind(HandlingCase c, Instant now, String kind, String note) {
        c.remind(now);
        outbox.publish(CaseReminded.of(c, kind, note));
        history.persist(new CaseHistoryEntry(c.id(), now, "REMINDED", note, WATCH.subject(), null));
        audit.record(WATCH, "case.remind", "Case", c.id(), kind);
    }
}
