package org.shangliang.followup.rest;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.RateLimited;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.followup.api.CalendarViews.DayView;
import org.shangliang.followup.api.CalendarViews.DeadlineView;
import org.shangliang.followup.api.CalendarViews.SetDay;
import org.shangliang.followup.api.CalendarViews.YearView;
import org.shangliang.followup.service.CalendarService;

@RateLimited
@Path("/api/v1/working-calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Working calendar", description = "工作日历 — China's holidays and adjusted workdays, on which deadlines in working days are counted")
public class WorkingCalendarResource {

    @Inject CalendarService calendar;
    @Inject CurrentCaller caller;

    @GET
    @Path("/{year}")
    @Authenticated
    @Operation(summary = "A year's working calendar", description = "The days that differ from the rule (Monday to Friday work, the weekend rests) and the year's count of working days. "
            + "2026 follows the State Council's notice; 2027 holds the statutory holidays until staff enter the notice's adjusted days.")
    @APIResponse(responseCode = "200", description = "The year")
    public YearView getWorkingCalendar(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return calendar.year(year);
    }

    @GET
    @Path("/deadline")
    @Authenticated
    @Operation(summary = "Count a deadline in working days", description = "The n-th working day after `from` (the start day is not counted), as a case's deadline is counted from its sign-for.")
    @APIResponse(responseCode = "200", description = "The due date")
    public DeadlineView getDeadline(@Parameter(description = "The start day", example = "2026-09-28", required = true) @QueryParam("from") @NotNull LocalDate from,
                                    @Parameter(description = "Working days, 1 to 365", example = "10", required = true) @QueryParam("workingDays") @NotNull @Min(1) @Max(365) Integer workingDays) {
        return calendar.deadline(from, workingDays);
    }

    @PUT
    @Path("/days/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Mark a holiday or an adjusted workday", description = "Sets (or replaces) the day's exception. Deadlines given from now on use it; due dates already given are not moved (an extension moves them).")
    @APIResponse(responseCode = "200", description = "The day as now recorded")
    @APIResponse(responseCode = "403", description = "Only CPPCC staff maintain the calendar")
    @APIResponse(responseCode = "422", description = "A weekday marked as an adjusted workday")
    public DayView putCalendarDay(@Parameter(example = "2027-02-20") @PathParam("date") LocalDate date, @Valid @NotNull SetDay body) {
        return calendar.set(date, body, caller.get());
    }

    @DELETE
    @Path("/days/{date}")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Remove a day's exception", description = "The day follows the rule again (weekdays work, weekends rest).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Only CPPCC staff maintain the calendar")
    @APIResponse(responseCode = "404", description = "The day is not an exception")
    public void deleteCalendarDay(@PathParam("date") LocalDate date) {
        calendar.clear(date, caller.get());
    }
}
