package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Caller;
import org.shangliang.followup.api.CalendarViews.DayView;
import org.shangliang.followup.api.CalendarViews.DeadlineView;
import org.shangliang.followup.api.CalendarViews.SetDay;
import org.shangliang.followup.api.CalendarViews.YearView;
import org.shangliang.followup.config.CaseClock;
import org.shangliang.followup.domain.CalendarDay;
import org.shangliang.followup.domain.CalendarDayRepository;

/**
 * The working calendar staff maintain. A change applies to deadlines set from then on: a due date
 * already given to a unit is not moved behind its back (an extension moves it).
 */
@ApplicationScoped
public class CalendarService {

    @Inject CalendarDayRepository days;
    @Inject DeadlineService deadlines;
    @Inject CaseClock clock;
    @Inject Audit audit;

    public YearView year(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return new YearView(year, deadlines.workingDaysBetween(first.minusDays(1), last), days.between(first, last).stream().map(DayView::of).toList());
    }

    @Transactional
    public DayView set(LocalDate date, SetDay request, Caller caller) {
        boolean weekend = date.getDayOfWeek().getValue() >= 6;
        if (request.kind() == CalendarDay.Kind.WORKDAY && !weekend) {
            throw ApiException.unprocessable("kind", Text.of(date + " 是工作日，无需标为调休上班", date + " is a weekday: it works already"));
        }
        CalendarDay day = days.findByIdOptional(date).orElse(null);
        boolean created = day == null;
        if (created) day = new CalendarDay(date);
        day.set(request.kind(), request.name().strip(), request.source() == null || request.source().isBlank() ? "政协办维护" : request.source().strip(),
                caller.subject(), clock.now());
        if (created) days.persist(day);
        audit.record(caller, "calendar.set", "CalendarDay", date, request.kind() + " " + request.name());
        return DayView.of(day);
    }

    @Transactional
    public void clear(LocalDate date, Caller caller) {
        if (!days.deleteById(date)) {
            throw ApiException.notFound(Text.of(date + " 不在日历例外中", date + " is not an exception in the calendar"));
        }
        audit.record(caller, "calendar.clear", "CalendarDay", date, null);
    }

    public DeadlineView deadline(LocalDate from, int workingDays) {
        return new DeadlineView(from, workingDays, deadlines.addWorkingDays(from, workingDays));
    }
}
