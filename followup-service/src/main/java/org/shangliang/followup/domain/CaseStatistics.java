package org.shangliang.followup.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * CaseStatistics — 办理统计: the follow-up figures of a set of cases, per group (a unit or a
 * township) and in total. Pure arithmetic over the cases, the calendar and today.
 */
public final class CaseStatistics {

    /** One group's figures. Rates and averages are null when nothing counts towards them. */
    public record Row(String code, String name, int cases, int closed, Double conversionRate, int replied, Double onTimeRate,
                      Double averageWorkingDaysToReply, int satisfied, int basicallySatisfied, int dissatisfied, int redos, int overdueNow) {
    }

    private CaseStatistics() {
    }

    /**
     * @param key   the group of a case (its unit's code, or its township's code)
     * @param names the name shown for a group's code
     */
    public static List<Row> rows(List<HandlingCase> cases, Function<HandlingCase, String> key, Function<String, String> names,
                                 WorkingCalendar calendar, LocalDate today, int dueSoonDays, ZoneId zone) {
        Map<String, List<HandlingCase>> groups = new LinkedHashMap<>();
        for (HandlingCase c : cases) groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<HandlingCase>> g : groups.entrySet()) {
            rows.add(row(g.getKey(), names.apply(g.getKey()), g.getValue(), calendar, today, dueSoonDays, zone));
        }
        rows.sort(Comparator.comparing(Row::code));
        return rows;
    }

    public static Row total(List<HandlingCase> cases, WorkingCalendar calendar, LocalDate today, int dueSoonDays, ZoneId zone) {
        return row("ALL", "合计", cases, calendar, today, dueSoonDays, zone);
    }

    private static Row row(String code, String name, List<HandlingCase> cases, WorkingCalendar calendar, LocalDate today, int dueSoonDays, ZoneId zone) {
        int closed = 0, converted = 0, replied = 0, onTime = 0, timed = 0, satisfied = 0, basically = 0, dissatisfied = 0, redos = 0, overdue = 0;
        int measured = 0;
        long workingDays = 0;
        for (HandlingCase c : cases) {
            redos += c.redoCount();
            if (c.deadlineState(today, dueSoonDays) == DeadlineState.OVERDUE) overdue++;
            if (c.status() == CaseStatus.CLOSED) {
                closed++;
                if (c.resolutionDegree() != null && c.resolutionDegree().converted()) converted++;
                if (c.satisfaction() == Satisfaction.SATISFIED) satisfied++;
                if (c.satisfaction() == Satisfaction.BASICALLY_SATISFIED) basically++;
                if (c.satisfaction() == Satisfaction.DISSATISFIED) dissatisfied++;
            }
            if (c.firstRepliedAt() != null) {
                replied++;
                if (c.repliedOnTime() != null) {
                    timed++;
                    if (c.repliedOnTime()) onTime++;
                }
                if (c.signedAt() != null) {
                    measured++;
                    workingDays += calendar.workingDaysBetween(c.signedAt().atZone(zone).toLocalDate(), c.firstRepliedAt().atZone(zone).toLocalDate());
                }
            }
        }
        return new Row(code, name, cases.size(), closed, ratio(converted, closed), replied, ratio(onTime, timed),
                measured == 0 ? null : round((double) workingDays / measured), satisfied, basically, dissatisfied, redos, overdue);
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
