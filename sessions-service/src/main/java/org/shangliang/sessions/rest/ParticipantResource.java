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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.Idempotency;
import org.shangliang.commons.http.RateLimited;
import org.shangliang.commons.problem.Problem;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.sessions.api.SessionRequests.AnswerInvitation;
import org.shangliang.sessions.api.SessionRequests.CheckIn;
import org.shangliang.sessions.api.SessionRequests.InviteParticipants;
import org.shangliang.sessions.api.SessionRequests.SelfCheckIn;
import org.shangliang.sessions.api.SessionViews.AttendanceView;
import org.shangliang.sessions.api.SessionViews.CheckInCodeView;
import org.shangliang.sessions.api.SessionViews.ParticipantView;
import org.shangliang.sessions.service.ParticipantService;

@RateLimited
@Path("/api/v1/sessions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Participants", description = "参会人员 — invitations, answers (回执), check-in (签到) and the quorum (法定人数)")
public class ParticipantResource {

    @Inject ParticipantService participants;
    @Inject Idempotency idempotency;
    @Inject CurrentCaller caller;

    @POST
    @Path("/participants")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Invite participants (邀请)", description = "Members by their directory id (name and login come from the directory), department officials "
            + "with their unit's code, anyone else by name. All or none. A person already invited to a session at an overlapping time is refused with a 409 "
            + "naming that session, unless `confirmOverlap` is true. Allowed while the session is SCHEDULED, POSTPONED or IN_PROGRESS (a walk-in).")
    @APIResponse(responseCode = "201", description = "The people invited, in the order sent",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ParticipantView.class)))
    @APIResponse(responseCode = "409", description = "Double booking (`type` ends in `double-booked`; the message names the other session), already invited, "
            + "or the session's status does not allow inviting", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A line is incomplete or names an unknown member or unit (`violations` name the line)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response inviteParticipants(@PathParam("id") UUID id,
                                       @Parameter(description = "Unique per intended invitation; a retry with the same key returns the first response")
                                       @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                       @Valid @NotNull InviteParticipants request) {
        return idempotency.once(idempotencyKey, "sessions.invite:" + id + ":" + caller.get().subject(), request,
                () -> Response.status(201).entity(participants.invite(id, request, caller.get())).build());
    }

    @GET
    @Path("/participants")
    @Authenticated
    @Operation(summary = "Participants and quorum", description = "Everyone invited, in the order invited, with their answer and check-in, "
            + "and the quorum as it stands: how many are present and how many the session type needs before an outcome can be recorded.")
    @APIResponse(responseCode = "200", description = "The list and the quorum", content = @Content(schema = @Schema(implementation = AttendanceView.class)))
    @APIResponse(responseCode = "404", description = "No such session", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AttendanceView listParticipants(@PathParam("id") UUID id) {
        return participants.attendance(id, caller.get());
    }

    @POST
    @Path("/participants/{participantId}/rsvp")
    @Authenticated
    @Operation(summary = "Answer an invitation (回执)", description = "By the invited person themself (the login the invitation named), while the session is SCHEDULED or POSTPONED. "
            + "Answering again replaces the answer. Those who decline are not expected for the quorum.")
    @APIResponse(responseCode = "200", description = "The participant with the answer", content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "403", description = "You are not this participant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session or participant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session has begun, concluded or been cancelled", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParticipantView answerInvitation(@PathParam("id") UUID id, @PathParam("participantId") UUID participantId, @Valid @NotNull AnswerInvitation request) {
        return participants.answer(id, participantId, request, caller.get());
    }

    @POST
    @Path("/check-ins")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Check participants in (签到, by the organizer)", description = "Ticks those present in the hall; a person already checked in keeps their first time. "
            + "Allowed while the session is SCHEDULED (people arrive before it opens) or IN_PROGRESS.")
    @APIResponse(responseCode = "200", description = "The list and the quorum after the check-in", content = @Content(schema = @Schema(implementation = AttendanceView.class)))
    @APIResponse(responseCode = "409", description = "The session's status does not allow check-in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An id is not a participant of this session", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AttendanceView checkInParticipants(@PathParam("id") UUID id, @Valid @NotNull CheckIn request) {
        return participants.checkIn(id, request.participantIds(), caller.get());
    }

    @POST
    @Path("/check-ins/self")
    @Authenticated
    @Operation(summary = "Check in with the hall's code (签到, by the participant)", description = "The participant whose login the invitation named checks in from their phone "
            + "with the six-digit code shown in the hall.")
    @APIResponse(responseCode = "200", description = "The participant, checked in", content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "403", description = "You are not on this session's list", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session's status does not allow check-in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The code is wrong", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParticipantView checkInSelf(@PathParam("id") UUID id, @Valid @NotNull SelfCheckIn request) {
        return participants.checkInSelf(id, request.code(), caller.get());
    }

    @GET
    @Path("/check-in-code")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "The check-in code (签到码)", description = "For the organizer of the session's territory to show in the hall.")
    @APIResponse(responseCode = "200", description = "The code", content = @Content(schema = @Schema(implementation = CheckInCodeView.class)))
    @APIResponse(responseCode = "403", description = "The session lies outside your territory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CheckInCodeView getCheckInCode(@PathParam("id") UUID id) {
        return participants.checkInCode(id, caller.get());
    }
}
