package org.shangliang.topics.rest;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.http.RateLimited;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.commons.security.Territories;
import org.shangliang.topics.api.Escalation.HopView;
import org.shangliang.topics.api.Escalation.ReturnTopic;
import org.shangliang.topics.api.Escalation.SendTopic;
import org.shangliang.topics.service.EscalationService;

/** 上报 / 下转: a topic sent to another level, and that level's answer. */
@RateLimited
@Path("/api/v1/topics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "议题征集 — submit, screen and follow topics")
public class EscalationResource {

    private static final String IF_MATCH_DOC = "ETag of the topic version you read";

    @Inject EscalationService escalation;
    @Inject CurrentCaller caller;

    @POST
    @Path("/{id}/hops")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Send a topic up (上报) or down (下转)", description = "The screeners of the topic's territory send a topic waiting for screening "
            + "to a territory above its own (up: a village topic to its township or the county) or inside it (down). It is ESCALATED until the "
            + "receiving level takes or returns it, within the configured working days. Needs If-Match (the topic's ETag). Publishes TopicEscalated.")
    @APIResponse(responseCode = "201", description = "The hop", content = @Content(schema = @Schema(implementation = HopView.class)))
    @APIResponse(responseCode = "403", description = "Not a screener of the topic's territory")
    @APIResponse(responseCode = "404", description = "No such topic")
    @APIResponse(responseCode = "409", description = "The topic is not waiting for screening; the message names what is allowed")
    @APIResponse(responseCode = "422", description = "The receiving territory is not above or inside the topic's, is at the same level, or is not in the directory")
    public Response sendTopic(@PathParam("id") UUID id,
                              @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch,
                              @Valid @NotNull SendTopic request) {
        return Response.status(Response.Status.CREATED).entity(escalation.send(id, ifMatch, request.toTerritory(), request.reason(), caller.get())).build();
    }

    @GET
    @Path("/{id}/hops")
    @Authenticated
    @Operation(summary = "A topic's hops between levels", description = "Every 上报 / 下转 of the topic, oldest first, with the receiving level's answer.")
    @APIResponse(responseCode = "200", description = "The hops")
    @APIResponse(responseCode = "404", description = "No such topic")
    public List<HopView> topicHops(@PathParam("id") UUID id) {
        return escalation.history(id, caller.get());
    }

    @POST
    @Path("/{id}/hops/pending/accept")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Take a topic sent to one's level", description = "The receiving territory's screeners take the topic: it now belongs to their "
            + "territory and level and waits for screening there. Needs If-Match. Publishes TopicEscalationAccepted.")
    @APIResponse(responseCode = "200", description = "The answered hop")
    @APIResponse(responseCode = "403", description = "Not a screener of the receiving territory")
    @APIResponse(responseCode = "404", description = "No such topic")
    @APIResponse(responseCode = "409", description = "Nothing pending to answer")
    public HopView acceptHop(@PathParam("id") UUID id,
                             @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch) {
        return escalation.receive(id, ifMatch, caller.get());
    }

    @POST
    @Path("/{id}/hops/pending/return")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Return a topic sent to one's level", description = "With the reason; the topic waits for screening where it was. "
            + "Needs If-Match. Publishes TopicEscalationReturned.")
    @APIResponse(responseCode = "200", description = "The answered hop")
    @APIResponse(responseCode = "403", description = "Not a screener of the receiving territory")
    @APIResponse(responseCode = "404", description = "No such topic")
    @APIResponse(responseCode = "409", description = "Nothing pending to answer")
    public HopView returnHop(@PathParam("id") UUID id,
                             @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch,
                             @Valid @NotNull ReturnTopic request) {
        return escalation.returnTopic(id, ifMatch, request.reason(), caller.get());
    }

    @GET
    @Path("/incoming-hops")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Topics sent to one's level, waiting for an answer", description = "Pending hops into the caller's territory (or one inside it), oldest first; `overdue` past the due date.")
    @APIResponse(responseCode = "200", description = "The pending hops")
    public List<HopView> incomingHops(
            @Parameter(description = "A territory inside the caller's", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @Parameter(description = "At most this many, 1 to 100") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return escalation.inTray(territory, limit, caller.get());
    }
}
