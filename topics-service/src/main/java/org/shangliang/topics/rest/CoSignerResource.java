package org.shangliang.topics.rest;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.GRID_WORKER;
import static org.shangliang.commons.security.Roles.INTEGRATION;
import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.security.Roles.RESIDENT;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.RateLimited;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.topics.api.CoSigning.CoSignerView;
import org.shangliang.topics.api.CoSigning.InviteCoSigners;
import org.shangliang.topics.domain.CoSignStatus;
import org.shangliang.topics.service.CoSigningService;

/** 联名: co-signers of a topic. */
@RateLimited
@Path("/api/v1/topics/{id}/cosigners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "议题征集 — submit, screen and follow topics")
public class CoSignerResource {

    @Inject CoSigningService cosigning;
    @Inject CurrentCaller caller;

    @GET
    @Authenticated
    @Operation(summary = "A topic's co-signers (联名)", description = "The proposer and the territory's staff see every invitation and its answer; "
            + "everyone else who sees the topic, the confirmed co-signers' names (and their own invitation).")
    @APIResponse(responseCode = "200", description = "The invitations, in the order made")
    @APIResponse(responseCode = "404", description = "No such topic")
    public List<CoSignerView> listCoSigners(@PathParam("id") UUID id) {
        return cosigning.list(id, caller.get());
    }

    @POST
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, ORGANIZER, CPPCC_STAFF, INTEGRATION})
    @Operation(summary = "Invite co-signers", description = "The proposer invites residents or members of the topic's territory, by their login, "
            + "while the topic is DRAFT, SUBMITTED or ACCEPTED; at most 20 a topic. Inviting someone twice changes nothing.")
    @APIResponse(responseCode = "200", description = "Every invitation of the topic")
    @APIResponse(responseCode = "403", description = "Not the proposer")
    @APIResponse(responseCode = "404", description = "No such topic")
    @APIResponse(responseCode = "409", description = "The topic is past co-signing")
    @APIResponse(responseCode = "422", description = "More than 20 invitations")
    public List<CoSignerView> inviteCoSigners(@PathParam("id") UUID id, @Valid @NotNull InviteCoSigners request) {
        return cosigning.invite(id, request.subjects(), caller.get());
    }

    @POST
    @Path("/me/confirm")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({RESIDENT, MEMBER})
    @Operation(summary = "Confirm one's own invitation to co-sign", description = "Once; a resident or member of the topic's territory.")
    @APIResponse(responseCode = "200", description = "The answered invitation")
    @APIResponse(responseCode = "403", description = "Not a resident or member of the topic's territory")
    @APIResponse(responseCode = "404", description = "No invitation for the caller")
    @APIResponse(responseCode = "409", description = "Already answered, or the topic is past co-signing; the message names what is allowed")
    public CoSignerView confirmCoSigning(@PathParam("id") UUID id) {
        return cosigning.answer(id, CoSignStatus.Action.CONFIRM, caller.get());
    }

    @POST
    @Path("/me/decline")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({RESIDENT, MEMBER})
    @Operation(summary = "Decline one's own invitation to co-sign", description = "Once; a resident or member of the topic's territory.")
    @APIResponse(responseCode = "200", description = "The answered invitation")
    @APIResponse(responseCode = "403", description = "Not a resident or member of the topic's territory")
    @APIResponse(responseCode = "404", description = "No invitation for the caller")
    @APIResponse(responseCode = "409", description = "Already answered, or the topic is past co-signing; the message names what is allowed")
    public CoSignerView declineCoSigning(@PathParam("id") UUID id) {
        return cosigning.answer(id, CoSignStatus.Action.DECLINE, caller.get());
    }
}
