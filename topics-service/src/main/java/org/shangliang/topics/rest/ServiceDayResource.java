package org.shangliang.topics.rest;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.ORGANIZER;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.RateLimited;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.commons.security.Territories;
import org.shangliang.topics.api.ServiceDays.MemberMonth;
import org.shangliang.topics.api.ServiceDays.NewActivity;
import org.shangliang.topics.api.ServiceDays.Report;
import org.shangliang.topics.domain.MemberActivity;
import org.shangliang.topics.service.ServiceDayService;

/** 双联 / 五个一: members' grid-service-day record and the office's monthly report. */
@RateLimited
@Path("/api/v1/service-days")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service days", description = "双联 — members on the monthly grid service day (五个一)")
public class ServiceDayResource {

    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    @Inject ServiceDayService serviceDays;
    @Inject CurrentCaller caller;

    @POST
    @Path("/members/{id}")
    @RolesAllowed({MEMBER, CPPCC_STAFF})
    @Operation(summary = "Record a grid-service-day activity (五个一)", description = "One of the five things a member does each month in the grid they "
            + "are linked to (委员联网格): a service activity, a social-opinion report, a forum, help for a family in difficulty, contact cards handed out "
            + "(with how many). The member records their own (their login is the directory entry's `subject`), or the CPPCC office of their territory "
            + "for them; this month's and last month's only.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "403", description = "Neither the member nor the CPPCC office of their territory")
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "422", description = "A day in the future or before last month, or a retired member")
    public Response recordServiceDayActivity(@PathParam("id") UUID id, @Valid @NotNull NewActivity request) {
        return Response.status(Response.Status.CREATED).entity(serviceDays.record(id, request, caller.get())).build();
    }

    @GET
    @Path("/members/{id}")
    @Authenticated
    @Operation(summary = "A member's month (双联记录)", description = "Which of the five the member has done in the month, and every record. "
            + "For the member, and the office, leaders and organizers of their territory.")
    @APIResponse(responseCode = "200", description = "The member's month")
    @APIResponse(responseCode = "403", description = "Not the member, nor staff of their territory")
    @APIResponse(responseCode = "404", description = "No such member")
    public MemberMonth memberServiceDays(@PathParam("id") UUID id,
                                         @Parameter(description = "The month, YYYY-MM (China time); this month when absent", example = "2026-11")
                                         @QueryParam("month") @Pattern(regexp = MONTH, message = "{shangliang.month}") String month) {
        return serviceDays.month(id, month == null ? thisMonth() : month, caller.get());
    }

    @GET
    @Path("/report")
    @RolesAllowed({CPPCC_STAFF, LEADER, ORGANIZER})
    @Operation(summary = "The 双联 report of a month", description = "Every active member linked to a grid inside the territory with the five done and "
            + "missing, each township's totals (members, all five, none, each of the five), and the members who have done none.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "403", description = "Not staff of the territory")
    public Report serviceDayReport(@Parameter(description = "A county or township (default: the caller's territory)", example = "330421")
                                   @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
                                   @Parameter(description = "The month, YYYY-MM (China time); this month when absent", example = "2026-11")
                                   @QueryParam("month") @Pattern(regexp = MONTH, message = "{shangliang.month}") String month) {
        var who = caller.get();
        return serviceDays.report(territory == null ? who.territory() : territory, month == null ? thisMonth() : month, who);
    }

    private static String thisMonth() {
        return MemberActivity.monthOf(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }
}
