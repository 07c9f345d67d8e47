package org.shangliang.followup.rest;

import org.shangliang.followup.api.CaseViews;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.HANDLER;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.ORGANIZER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.http.Responses;
import org.shangliang.commons.problem.Problem;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.followup.domain.CaseStatus;
import org.shangliang.followup.api.CaseViews.CaseView;
import org.shangliang.followup.service.CaseService;

@org.shangliang.commons.http.RateLimited
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "办理件 — cases opened from consultation outcomes and their handling")
public class CaseResource {

    @Inject CaseService cases;
    @Inject CurrentCaller caller;

    @GET
    @RolesAllowed({CPPCC_STAFF, LEADER, ORGANIZER, HANDLER})
    @Operation(summary = "List cases", description = "Newest first, keyset-paginated: pass `nextCursor` as `cursor` for the next page. "
            + "Cases appear moments after an outcome is recorded in sessions-service. "
            + "Staff, leaders and organizers see the cases of their territory; a department handler sees its own unit's cases.")
    @APIResponse(responseCode = "200", description = "One page of cases")
    public PageView<CaseView> listCases(
            @Parameter(description = "Only cases of this topic") @QueryParam("topicId") UUID topicId,
            @Parameter(description = "Only cases in this status") @QueryParam("status") CaseStatus status,
            @Parameter(description = "Only cases of this lead unit (its directory code)", example = "agri-rural")
            @QueryParam("unit") @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{shangliang.unit}") String unit,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return cases.list(topicId, status, unit, cursor, limit, caller.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({CPPCC_STAFF, LEADER, ORGANIZER, HANDLER})
    @Operation(summary = "Read a case", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The case", headers = @Header(name = "ETag", description = "Version, for If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getCase(@PathParam("id") UUID id) {
        CaseView view = cases.get(id, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({CPPCC_STAFF, LEADER, ORGANIZER, HANDLER})
    @Operation(summary = "The case's history (办理记录)", description = "Every step, oldest first: opened, signed for, corrected by a new version of the outcome, withdrawn.")
    @APIResponse(responseCode = "200", description = "The steps")
    @APIResponse(responseCode = "404", description = "No such case", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public java.util.List<CaseViews.CaseHistoryView> listCaseHistory(@PathParam("id") UUID id) {
        return cases.history(id, caller.get());
    }

    @POST
    @Path("/{id}/sign")
    @RolesAllowed(HANDLER)
    @Operation(summary = "Sign for a case (签收)", description = "The lead unit takes the case on. Only from ASSIGNED; needs If-Match. Publishes CaseSigned.")
    @APIResponse(responseCode = "200", description = "The signed case", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Your unit is not the lead unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response signCase(@PathParam("id") UUID id,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        CaseView view = cases.sign(id, ifMatch, caller.get());
        return Responses.withEtag(view, view.version());
    }
}
