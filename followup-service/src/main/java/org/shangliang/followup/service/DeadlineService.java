package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.shangliang.followup.domain.CalendarDayRepository;
import org.shangliang.followup.domain.WorkingCalendar;

/** Working-day arithmetic on the calendar staff maintain. */
@ApplicationScoped
public class DeadlineService {

    @Inject CalendarDayRepository days;

    public LocalDate addWorkingDays(LocalDate start, int n) {
        return days.calendar(start, WorkingCalendar.spanEnd(start, n)).plusWorkingDays(start, n);
    }

    public int workingDaysBetween(LocalDate start, LocalDate end) {
        if (!end.isAfter(start)) return 0;
        return days.calendar(start, end).workingDaysBetween(start, end);
    }
}
