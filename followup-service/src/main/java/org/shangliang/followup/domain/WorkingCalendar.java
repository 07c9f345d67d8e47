package org.shangliang.followup.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * WorkingCalendar — 工作日: China's working days over a span of dates. A weekday works unless it is a
 * holiday (放假); a weekend day rests unless it is an adjusted workday (调休上班).
 */
public final class WorkingCalendar {

    private final LocalDate from;
    private final LocalDate to;
    private final Map<LocalDate, CalendarDay.Kind> exceptions;

    public WorkingCalendar(LocalDate from, LocalDate to, Map<LocalDate, CalendarDay.Kind> exceptions) {
        this.from = from;
        this.to = to;
        this.exceptions = Map.copyOf(exceptions);
    }

    public boolean isWorkingDay(LocalDate d) {
        if (d.isBefore(from) || d.isAfter(to)) throw new IllegalArgumentException(d + " is outside the loaded span " + from + ".." + to);
        CalendarDay.Kind k = exceptions.get(d);
        if (k != null) return k == CalendarDay.Kind.WORKDAY;
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}th working day after {@code start} (the start day itself is not counted): a deadline of n working days. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        LocalDate d = start;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) left--;
        }
        return d;
    }

    /** Working days after {@code start} up to and including {@code end}; 0 when end is not after start. */
    public int workingDaysBetween(LocalDate start, LocalDate end) {
        int n = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (isWorkingDay(d)) n++;
        }
        return n;
    }

    /** The span to load for {@code n} working days from {@code start}: the longest holiday run is 9 days. */
    public static LocalDate spanEnd(LocalDate start, int n) {
        return start.plusDays(n * 2L + 30);
    }
}
