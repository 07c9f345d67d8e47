package org.shangliang.sessions.rest;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.ORGANIZER;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.Idempotency;
import org.shangliang.commons.http.RateLimited;
import org.shangliang.commons.http.Responses;
import org.shangliang.commons.problem.Problem;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.sessions.api.SessionRequests.CorrectOutcome;
import org.shangliang.sessions.api.SessionRequests.RecordOutcome;
import org.shangliang.sessions.api.SessionRequests.StatePosition;
import org.shangliang.sessions.api.SessionViews.OutcomeView;
import org.shangliang.sessions.api.SessionViews.PositionView;
import org.shangliang.sessions.service.OutcomeService;

@RateLimited
@Path("/api/v1/sessions/{id}/agenda-items/{itemId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Outcomes", description = "协商成果 — positions (表态) of those present, the recorded outcome and its corrections")
public class OutcomeResource {

    @Inject OutcomeService outcomes;
    @Inject Idempotency idempotency;
    @Inject CurrentCaller caller;

    @PUT
    @Path("/positions/{participantId}")
    @Authenticated
    @Operation(summary = "State a position (表态)", description = "A present (checked-in) participant's position on the item: by the participant themself, "
            + "or by an organizer of the territory on their behalf (recorded as such). Replaces their earlier position; while the session is IN_PROGRESS. "
            + "The outcome keeps the positions as they stood when it was recorded.")
    @APIResponse(responseCode = "200", description = "The position", content = @Content(schema = @Schema(implementation = PositionView.class)))
    @APIResponse(responseCode = "403", description = "You are neither this participant nor an organizer of the territory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session, item or participant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session is not IN_PROGRESS, or the participant has not checked in",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PositionView statePosition(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId, @PathParam("participantId") UUID participantId,
                                      @Valid @NotNull StatePosition request) {
        return outcomes.state(id, itemId, participantId, request, caller.get());
    }

    @GET
    @Path("/positions")
    @Authenticated
    @Operation(summary = "Positions stated so far", description = "The current positions on the item, in the order of the participant list (for the screen in the hall).")
    @APIResponse(responseCode = "200", description = "The positions")
    @APIResponse(responseCode = "404", description = "No such session or item", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PositionView> listPositions(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return outcomes.positions(id, itemId, caller.get());
    }

    @POST
    @Path("/outcomes")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Record the outcome of an agenda item", description = "Writes the agreed opinion, the decision rule and its recommendations as an official record (version 1), "
            + "with the positions of those present as they stand. Needs the session IN_PROGRESS (or CONCLUDED up to `shangliang.sessions.late-outcome-days` before: "
            + "a late entry, 补录, marked `late`) and the quorum present. If positions were taken and the rule was not met, only an outcome without recommendations "
            + "can be recorded. Publishes OutcomeRecorded, from which followup-service opens one case (办理件) per recommendation. A change later is a correction.")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location"), content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(responseCode = "403", description = "The session lies outside your territory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session or agenda item", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session's status does not allow it (the message names what is allowed), the quorum is not present "
            + "(`…/quorum-not-met`: how many present and needed), the decision rule was not met (`…/decision-not-met`), or an outcome exists (`…/outcome-exists`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An unknown unit, a MAJORITY without threshold, both a due date and working days (`violations` name the line)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordOutcome(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
                                  @Parameter(description = "Unique per intended record; a retry with the same key returns the first response")
                                  @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                  @Valid @NotNull RecordOutcome request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "sessions.outcome:" + id + "/" + itemId + ":" + caller.get().subject(), request, () -> {
            OutcomeView created = outcomes.record(id, itemId, request, caller.get());
            return Responses.created(uri, created.version(), created);
        });
    }

    @POST
    @Path("/outcomes/corrections")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Correct a recorded outcome (更正)", description = "Records the next version with the reason. Send the whole corrected record: a recommendation "
            + "line with the `id` of one in force keeps it, one without adds a recommendation, and one in force left out is withdrawn. The version says what changed. "
            + "While the session is IN_PROGRESS or CONCLUDED. Publishes OutcomeCorrected, which followup-service applies to the cases concerned.")
    @APIResponse(responseCode = "201", description = "The new version", headers = @Header(name = "Location"), content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(responseCode = "403", description = "The session lies outside your territory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session or agenda item", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No outcome to correct, the session's status does not allow it, or the decision rule is no longer met",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An id that is not in force, an unknown unit, or a correction that changes nothing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response correctOutcome(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
                                   @Parameter(description = "Unique per intended correction; a retry with the same key returns the first response")
                                   @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                   @Valid @NotNull CorrectOutcome request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "sessions.correction:" + id + "/" + itemId + ":" + caller.get().subject(), request, () -> {
            OutcomeView created = outcomes.correct(id, itemId, request, caller.get());
            return Response.status(201).location(uri.getBaseUriBuilder().path("api/v1/sessions/{id}/agenda-items/{itemId}/outcomes").build(id, itemId))
                    .entity(created).build();
        });
    }

    @GET
    @Path("/outcomes")
    @Authenticated
    @Operation(summary = "Outcome versions of an agenda item", description = "Every recorded version, oldest first, each with what it changed; the last one is in force.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "No such session or agenda item", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<OutcomeView> listOutcomeVersions(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return outcomes.versions(id, itemId, caller.get());
    }
}
