package org.shangliang.followup.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.followup.domain.CalendarDay;

/** The working calendar's requests and views. */
public final class CalendarViews {

    private CalendarViews() {
    }

    @Schema(name = "CalendarDay", description = "A day that differs from the rule (Monday to Friday work, the weekend rests)")
    public record DayView(@Schema(example = "2026-02-14") LocalDate date,
                          @Schema(description = "HOLIDAY 放假 (a weekday off) or WORKDAY 调休上班 (a weekend day worked)") CalendarDay.Kind kind,
                          @Schema(example = "春节调休上班") String name, @Schema(example = "国务院办公厅关于2026年部分节假日安排的通知") String source,
                          String updatedBy, Instant updatedAt) {
        public static DayView of(CalendarDay d) {
            return new DayView(d.day(), d.kind(), d.name(), d.source(), d.updatedBy(), d.updatedAt());
        }
    }

    @Schema(name = "WorkingCalendarYear", description = "工作日历: a year's exceptions and its count of working days")
    public record YearView(@Schema(example = "2026") int year, @Schema(example = "248") int workingDays, List<DayView> days) {
    }

    @Schema(name = "SetCalendarDay", description = "Marks a day as a holiday or an adjusted workday")
    public record SetDay(@NotNull CalendarDay.Kind kind, @NotBlank @Size(max = 40) @Schema(example = "春节") String name,
                         @Size(max = 200) @Schema(example = "国务院办公厅关于2027年部分节假日安排的通知", nullable = true) String source) {
    }

    @Schema(name = "Deadline", description = "A deadline counted in working days")
    public record DeadlineView(@Schema(example = "2026-09-28") LocalDate from, @Schema(example = "10") int workingDays,
                               @Schema(description = "The last day: the n-th working day after `from`", example = "2026-10-16") LocalDate dueDate) {
    }
}
