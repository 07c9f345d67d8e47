package org.shangliang.sessions.rest;


import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.RateLimited;
import org.shangliang.commons.problem.Problem;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.sessions.api.MinutesMarkdown;
import org.shangliang.sessions.api.SessionRequests.NewContribution;
import org.shangliang.sessions.api.SessionViews.ContributionView;
import org.shangliang.sessions.api.SessionViews.MinutesView;
import org.shangliang.sessions.service.RecordService;

@RateLimited
@Path("/api/v1/sessions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Record", description = "会议记录 — speeches, department responses and written submissions, and the minutes (纪要)")
public class RecordResource {

    static final String MARKDOWN = "text/markdown";

    @Inject RecordService record;
    @Inject CurrentCaller caller;

    @POST
    @Path("/agenda-items/{itemId}/contributions")
    @Authenticated
    @Operation(summary = "Record a contribution", description = "发言 (SPEECH, by a participant present) or 部门回应 (DEPARTMENT_RESPONSE, by a department official "
            + "present) while the session is IN_PROGRESS, recorded by an organizer of the territory; or 书面意见 (WRITTEN_SUBMISSION) while SCHEDULED or "
            + "IN_PROGRESS, recorded by the organizer or handed in by its author. Numbered in order per agenda item; not edited afterwards.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ContributionView.class)))
    @APIResponse(responseCode = "403", description = "Neither an organizer of the territory nor the author of a written submission",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session or item", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session's status does not allow it, or the speaker has not checked in",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a participant, or a department response from someone who is not a department official",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordContribution(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId, @Valid @NotNull NewContribution request) {
        return Response.status(201).entity(record.contribute(id, itemId, request, caller.get())).build();
    }

    @GET
    @Path("/agenda-items/{itemId}/contributions")
    @Authenticated
    @Operation(summary = "Contributions on an item", description = "In the order recorded.")
    @APIResponse(responseCode = "200", description = "The contributions")
    @APIResponse(responseCode = "404", description = "No such session or item", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ContributionView> listContributions(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return record.contributions(id, itemId, caller.get());
    }

    @GET
    @Path("/minutes")
    @Authenticated
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN})
    @Operation(summary = "The minutes (纪要)", description = "Generated from the agenda, attendance, contributions, positions and outcomes in force. "
            + "`Accept: text/markdown` gives the same as a Markdown document in Chinese. Published when the session concludes; "
            + "before that the staff of its territory see a draft (`published: false`) and others get a 409.")
    @APIResponse(responseCode = "200", description = "The minutes", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MinutesView.class)),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such session (or an internal one you may not see)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not yet published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getMinutes(@PathParam("id") UUID id, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        MinutesView minutes = record.minutes(id, caller.get());
        boolean markdown = headers.getAcceptableMediaTypes().stream().findFirst().map(t -> t.isCompatible(MediaType.valueOf(MARKDOWN)) && !t.isWildcardType())
                .orElse(false);
        return markdown ? Response.ok(MinutesMarkdown.render(minutes), MARKDOWN + ";charset=UTF-8").build()
                : Response.ok(minutes, MediaType.APPLICATION_JSON).build();
    }
}
