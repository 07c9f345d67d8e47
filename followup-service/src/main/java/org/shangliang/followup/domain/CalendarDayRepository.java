package org.shangliang.followup.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class CalendarDayRepository implements PanacheRepositoryBase<CalendarDay, LocalDate> {

    public List<CalendarDay> between(LocalDate from, LocalDate to) {
        return list("day >= ?1 and day <= ?2", Sort.ascending("day"), from, to);
    }

    /** The calendar for [from, to] in one query. */
    public WorkingCalendar calendar(LocalDate from, LocalDate to) {
        Map<LocalDate, CalendarDay.Kind> exceptions = between(from, to).stream().collect(Collectors.toMap(CalendarDay::day, CalendarDay::kind));
        return new WorkingCalendar(from, to, exceptions);
    }
}
