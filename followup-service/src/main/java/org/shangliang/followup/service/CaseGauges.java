package org.shangliang.followup.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.shangliang.followup.config.CaseClock;
import org.shangliang.followup.config.FollowupConfig;
import org.shangliang.followup.domain.CaseStatus;

/**
 * The follow-up figures an operator and the county office watch (办理态势), per lead unit: running
 * cases overdue, due soon, and assigned but not yet signed for. Counted in one grouped query every
 * minute, not on every scrape, so a dashboard refreshing often costs the database nothing more. Every
 * replica reports the same figures (they come from the shared database): dashboards take the max.
 */
@ApplicationScoped
public class CaseGauges {

    private static final Logger LOG = Logger.getLogger(CaseGauges.class);

    @Inject EntityManager em;
    @Inject MeterRegistry metrics;
    @Inject CaseClock clock;
    @Inject FollowupConfig config;

    private MultiGauge overdue;
    private MultiGauge dueSoon;
    private MultiGauge awaitingSignature;

    /** One unit's figures. */
    public record UnitFigures(String unit, long overdue, long dueSoon, long awaitingSignature) {
    }

    @Scheduled(every = "${shangliang.followup.gauges-every:60s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "case-gauges")
    void onSchedule() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debugf("case gauges not refreshed: %s", e.toString());
        }
    }

    /** Counts again and publishes the figures; @return them, unit by unit. */
    public synchronized List<UnitFigures> refresh() {
        LocalDate today = clock.today();
        List<UnitFigures> figures = QuarkusTransaction.requiringNew().call(() -> count(today));
        if (overdue == null) {
            overdue = MultiGauge.builder("shangliang.cases.overdue").description("Running cases past their deadline in force, per lead unit").register(metrics);
            dueSoon = MultiGauge.builder("shangliang.cases.due.soon").description("Running cases due within the due-soon window, per lead unit").register(metrics);
            awaitingSignature = MultiGauge.builder("shangliang.cases.awaiting.signature").description("Cases assigned and not yet signed for (签收), per lead unit").register(metrics);
        }
        overdue.register(figures.stream().map(f -> MultiGauge.Row.of(Tags.of("unit", f.unit()), f.overdue())).toList(), true);
        dueSoon.register(figures.stream().map(f -> MultiGauge.Row.of(Tags.of("unit", f.unit()), f.dueSoon())).toList(), true);
        awaitingSignature.register(figures.stream().map(f -> MultiGauge.Row.of(Tags.of("unit", f.unit()), f.awaitingSignature())).toList(), true);
        return figures;
    }

    private List<UnitFigures> count(LocalDate today) {
        List<String> running = CaseStatus.RUNNING.stream().map(Enum::name).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select coalesce(lead_unit_code, lead_unit),
                       count(*) filter (where deadline < ?1),
                       count(*) filter (where deadline >= ?1 and deadline <= ?2),
                       count(*) filter (where status = 'ASSIGNED')
                from handling_case where status in (?3) group by 1 order by 1""")
                .setParameter(1, today).setParameter(2, today.plusDays(config.dueSoonDays())).setParameter(3, running)
                .getResultList();
        List<UnitFigures> figures = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            figures.add(new UnitFigures((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue()));
        }
        return figures;
    }
}
