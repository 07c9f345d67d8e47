package org.shangliang.sessions.rest;

import org.shangliang.sessions.api.SessionViews;
import org.shangliang.sessions.api.SessionRequests;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.ORGANIZER;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.Idempotency;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.http.Responses;
import org.shangliang.commons.problem.Problem;
import org.shangliang.commons.security.Territories;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.sessions.domain.SessionFilter;
import org.shangliang.sessions.domain.SessionStatus;
import org.shangliang.sessions.domain.SessionType;
import org.shangliang.sessions.api.SessionRequests.CancelSession;
import org.shangliang.sessions.api.SessionRequests.EditAgenda;
import org.shangliang.sessions.api.SessionRequests.PostponeSession;
import org.shangliang.sessions.api.SessionRequests.RescheduleSession;
import org.shangliang.sessions.api.SessionRequests.ScheduleSession;
import org.shangliang.sessions.api.SessionViews.RoundView;
import org.shangliang.sessions.api.SessionViews.SessionView;
import org.shangliang.sessions.api.SessionViews.StatisticsView;
import org.shangliang.sessions.api.SessionSync.SessionChanges;
import org.shangliang.sessions.service.SessionService;
import org.shangliang.sessions.service.SessionSyncService;

@org.shangliang.commons.http.RateLimited
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "协商会 — schedule sessions and record their outcomes")
public class SessionResource {

    @Inject SessionService sessions;
    @Inject SessionSyncService sync;
    @Inject Idempotency idempotency;
    @Inject CurrentCaller caller;

    @POST
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Schedule a session", description = "Creates a SCHEDULED session whose agenda lists accepted topics in order, "
            + "and publishes SessionScheduled. Send an Idempotency-Key so a retry creates nothing twice.")
    @APIResponse(responseCode = "201", description = "Scheduled; Location and ETag headers are set",
            headers = {@Header(name = "Location"), @Header(name = "ETag")}, content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "422", description = "The agenda names a topic that is unknown or not accepted (see `violations`), or the previous round does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response scheduleSession(@Parameter(description = "Unique per intended session; a retry with the same key returns the first response")
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull ScheduleSession request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "sessions.schedule:" + caller.get().subject(), request, () -> {
            SessionView created = sessions.schedule(request, caller.get());
            return Responses.created(uri, created.id(), created.version(), created);
        });
    }

    @GET
    @Authenticated
    @Operation(summary = "List sessions", description = "Newest first, keyset-paginated: pass `nextCursor` as `cursor` for the next page. "
            + "Narrow by status, type, territory subtree, start time (`from` inclusive, `to` exclusive), a topic on the agenda, or a participant's login "
            + "(`participant=me` for your own). Internal sessions appear only to their participants and the staff of their territory.")
    @APIResponse(responseCode = "200", description = "One page of sessions")
    @APIResponse(responseCode = "422", description = "`to` is not after `from`", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<SessionView> listSessions(
            @QueryParam("status") SessionStatus status,
            @QueryParam("type") SessionType type,
            @Parameter(description = "Only sessions inside this territory (division-code prefix)", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @Parameter(description = "Starting at or after (ISO-8601)", example = "2026-01-01T00:00:00+08:00") @QueryParam("from") Instant from,
            @Parameter(description = "Starting before (ISO-8601)", example = "2027-01-01T00:00:00+08:00") @QueryParam("to") Instant to,
            @Parameter(description = "Sessions with this topic on their agenda") @QueryParam("topicId") UUID topicId,
            @Parameter(description = "Sessions this person (login) is invited to; `me` for the caller", example = "me")
            @QueryParam("participant") @jakarta.validation.constraints.Size(max = 200) String participant,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        String who = "me".equals(participant) ? caller.get().subject() : participant;
        return sessions.list(new SessionFilter(status, type, territory, from, to, topicId, who), cursor, limit, caller.get());
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF, LEADER})
    @Operation(summary = "Session statistics (统计)", description = "For a year (Beijing time) in the caller's territory or a part of it: per township and session type, "
            + "sessions held and cancelled, attendance of the held ones, contributions by kind (how often departments responded), outcomes recorded and the share "
            + "agreed by consensus.")
    @APIResponse(responseCode = "200", description = "The statistics", content = @Content(schema = @Schema(implementation = StatisticsView.class)))
    @APIResponse(responseCode = "403", description = "The territory lies outside yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatisticsView getSessionStatistics(
            @Parameter(description = "Calendar year", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "A territory inside yours (division-code prefix); yours when absent", example = "330421")
            @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory) {
        return sessions.statistics(year, territory, caller.get());
    }

    @GET
    @Path("/changes")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF, LEADER})
    @Operation(summary = "Sync a territory's sessions (变更流)", description = "For an app that keeps an offline copy of a territory's sessions "
            + "(an organizer's phone on a weak network): every session of the territory and the territories under it that changed after `since`, "
            + "each once in its latest state as a compact summary, oldest change first. Without `since` the first sync is the whole copy; keep "
            + "the `nextCursor` and send it as `since` next time; while `more` is true, ask again at once. A change appears once its transaction "
            + "and every one begun before it have ended, so none is skipped. For the territory's organizers, CPPCC staff and leaders, who see "
            + "all its sessions, internal ones included.")
    @APIResponse(responseCode = "200", description = "The changes after `since`", content = @Content(schema = @Schema(implementation = SessionChanges.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this territory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The territory is not in the directory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionChanges syncSessions(
            @Parameter(description = "The territory to follow, with everything under it", required = true, example = "330421003201")
            @QueryParam("territory") @NotNull @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @Parameter(description = "The `nextCursor` of the last sync; absent for the first") @QueryParam("since") String since,
            @Parameter(description = "Changes per answer, 1 to 1000") @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(SessionSyncService.MAX_LIMIT) int limit) {
        return sync.since(territory, since, limit, caller.get());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a session", description = "With its agenda; the ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The session", headers = @Header(name = "ETag", description = "Version, for If-Match"), content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getSession(@PathParam("id") UUID id) {
        SessionView view = sessions.get(id, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @GET
    @Path("/{id}/rounds")
    @Authenticated
    @Operation(summary = "The rounds of a matter (轮次)", description = "The chain of sessions this one belongs to, first round first — "
            + "back along `previousRoundId` and forward through the rounds that continue it — each with the outcome in force of every agenda item "
            + "(the Huitong land-rights question took three rounds).")
    @APIResponse(responseCode = "200", description = "The rounds, oldest first")
    @APIResponse(responseCode = "404", description = "No such session", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RoundView> listRounds(@PathParam("id") UUID id) {
        return sessions.rounds(id, caller.get());
    }

    @PUT
    @Path("/{id}/agenda")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Edit the agenda (议程调整)", description = "While SCHEDULED or POSTPONED: the agenda becomes the items given, in order — an item kept "
            + "(`agendaItemId`, or the `topicId` already on it), an accepted topic added (`topicId`; a rejected, withdrawn or merged topic is refused), "
            + "or a free item (`title`), each with a planned duration and rapporteur; items not named are removed (not one with written submissions). "
            + "Needs If-Match. Publishes SessionScheduled with the new agenda, so topics-service schedules added topics and gives removed ones back.")
    @APIResponse(responseCode = "200", description = "The session with its new agenda", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"),
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "422", description = "A line names no item, an unknown item, or a topic that cannot be consulted here (`violations` name the line)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response editAgenda(@PathParam("id") UUID id,
                               @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull EditAgenda request) {
        SessionView view = sessions.editAgenda(id, ifMatch, request, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Open a session (开会)", description = "A SCHEDULED session is opened in the hall: IN_PROGRESS, and outcomes can be recorded. Needs If-Match. Publishes SessionStarted.")
    @APIResponse(responseCode = "200", description = "The session after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = SessionView.class)))
    public Response startSession(@PathParam("id") UUID id,
                           @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        SessionView view = sessions.start(id, ifMatch, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/{id}/postpone")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Postpone a session (延期)", description = "A SCHEDULED session is put off without a new time: POSTPONED, until rescheduled. Needs If-Match. Publishes SessionPostponed.")
    @APIResponse(responseCode = "200", description = "The session after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = SessionView.class)))
    public Response postponeSession(@PathParam("id") UUID id,
                           @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull PostponeSession request) {
        SessionView view = sessions.postpone(id, ifMatch, request, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/{id}/reschedule")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Reschedule a session (改期)", description = "A SCHEDULED or POSTPONED session gets a new start time and is SCHEDULED. Needs If-Match. Publishes SessionRescheduled with the agenda.")
    @APIResponse(responseCode = "200", description = "The session after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = SessionView.class)))
    public Response rescheduleSession(@PathParam("id") UUID id,
                           @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull RescheduleSession request) {
        SessionView view = sessions.reschedule(id, ifMatch, request, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/{id}/conclude")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Conclude a session (结束)", description = "An IN_PROGRESS session closes: CONCLUDED. Outcomes may still be recorded for the configured days after (补录, marked late). Needs If-Match. Publishes SessionConcluded.")
    @APIResponse(responseCode = "200", description = "The session after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = SessionView.class)))
    public Response concludeSession(@PathParam("id") UUID id,
                           @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        SessionView view = sessions.conclude(id, ifMatch, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Cancel a session", description = "A SCHEDULED or POSTPONED session; needs If-Match. Publishes SessionCancelled.")
    @APIResponse(responseCode = "200", description = "The cancelled session", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = SessionView.class)))
    public Response cancelSession(@PathParam("id") UUID id,
                           @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull CancelSession request) {
        SessionView view = sessions.cancel(id, ifMatch, request, caller.get());
        return Responses.withEtag(view, view.version());
    }
}
