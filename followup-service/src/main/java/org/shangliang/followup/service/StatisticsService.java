package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Territories;
import org.shangliang.followup.api.StatisticsViews.GroupBy;
import org.shangliang.followup.api.StatisticsViews.RowView;
import org.shangliang.followup.api.StatisticsViews.StatisticsView;
import org.shangliang.followup.config.CaseClock;
import org.shangliang.followup.domain.CaseAccess;
import org.shangliang.followup.config.FollowupConfig;
import org.shangliang.followup.domain.CalendarDayRepository;
import org.shangliang.followup.domain.CaseRepository;
import org.shangliang.followup.domain.CaseStatistics;
import org.shangliang.followup.domain.HandlingCase;
import org.shangliang.followup.domain.WorkingCalendar;

/** 办理统计 of a territory's cases assigned in a year. A read: no transaction. */
@ApplicationScoped
public class StatisticsService {

    @Inject CaseRepository cases;
    @Inject CalendarDayRepository days;
    @Inject ReferenceCopy copy;
    @Inject CaseClock clock;
    @Inject FollowupConfig config;

    public StatisticsView statistics(int year, GroupBy groupBy, String territory, Caller caller) {
        String scope = CaseAccess.scope(territory, caller);
        return compute(year, groupBy, Territories.isDivisionCode(scope) ? scope : caller.territory(), cases.assignedBetween(yearStart(year), yearStart(year + 1), scope));
    }

    /** The statistics of open data: anyone's, of a territory's subtree or (null) the whole county. */
    public StatisticsView published(int year, GroupBy groupBy, String territory) {
        return compute(year, groupBy, territory, cases.openedBetween(yearStart(year), yearStart(year + 1), territory));
    }

    static Instant yearStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(CaseClock.COUNTY_ZONE).toInstant();
    }

    private StatisticsView compute(int year, GroupBy groupBy, String territoryCode, List<HandlingCase> rows) {
        LocalDate today = clock.today();
        LocalDate end = LocalDate.of(year, 12, 31).isAfter(today) ? LocalDate.of(year, 12, 31) : today;
        WorkingCalendar calendar = days.calendar(LocalDate.of(year, 1, 1).minusDays(1), end.plusDays(1));
        Function<HandlingCase, String> key = groupBy == GroupBy.UNIT
                ? c -> c.leadUnitCode() == null ? c.leadUnit() : c.leadUnitCode()
                : c -> c.territoryCode().length() >= 9 ? c.territoryCode().substring(0, 9) : c.territoryCode();
        Map<String, String> unitNames = new HashMap<>();
        for (HandlingCase c : rows) unitNames.put(key.apply(c), c.leadUnit());
        Function<String, String> names = groupBy == GroupBy.UNIT ? unitNames::get
                : code -> copy.find(CaseService.DIRECTORY, "territory:" + code).map(t -> t.path("name").asText(code)).orElse(code);
        List<RowView> groups = CaseStatistics.rows(rows, key, names, calendar, today, config.dueSoonDays(), CaseClock.COUNTY_ZONE)
                .stream().map(RowView::of).toList();
        RowView total = RowView.of(CaseStatistics.total(rows, calendar, today, config.dueSoonDays(), CaseClock.COUNTY_ZONE));
        return new StatisticsView(year, groupBy, territoryCode, groups, total);
    }
}
