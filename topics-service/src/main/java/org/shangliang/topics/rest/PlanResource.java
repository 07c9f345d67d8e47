package org.shangliang.topics.rest;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.LEADER;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.http.RateLimited;
import org.shangliang.commons.http.Responses;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.commons.security.Territories;
import org.shangliang.topics.api.Plans.AmendmentView;
import org.shangliang.topics.api.Plans.NewPlan;
import org.shangliang.topics.api.Plans.PlanItems;
import org.shangliang.topics.api.Plans.PlanStatistics;
import org.shangliang.topics.api.Plans.PlanView;
import org.shangliang.topics.domain.PlanStatus;
import org.shangliang.topics.service.PlanService;

/** 年度协商计划: the year's plan of a county's or township's CPPCC office. */
@RateLimited
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "年度协商计划 — the annual consultation plan")
public class PlanResource {

    private static final String IF_MATCH_DOC = "ETag of the plan version you read";

    @Inject PlanService plans;
    @Inject CurrentCaller caller;
    @Context UriInfo uri;

    @POST
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Start a year's plan", description = "The CPPCC office of a county or township starts its plan for a year, empty and in DRAFT. "
            + "One plan per year and territory.")
    @APIResponse(responseCode = "201", description = "The plan")
    @APIResponse(responseCode = "403", description = "Not the CPPCC office of the territory")
    @APIResponse(responseCode = "409", description = "The territory has a plan for that year already")
    @APIResponse(responseCode = "422", description = "The territory is not in the directory, or retired")
    public Response createPlan(@Valid @NotNull NewPlan request) {
        PlanView plan = plans.create(request, caller.get());
        return Responses.created(uri, plan.id(), plan.version(), plan);
    }

    @GET
    @Authenticated
    @Operation(summary = "List plans", description = "Published plans for everyone; the office and leaders of a territory also see its drafts. Newest first, keyset-paginated.")
    @APIResponse(responseCode = "200", description = "One page of plans")
    public PageView<PlanView> listPlans(
            @Parameter(description = "Only plans of this year", example = "2026") @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "Only plans inside this territory", example = "330421")
            @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @Parameter(description = "Only plans in this status") @QueryParam("status") PlanStatus status,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return plans.list(year, territory, status, cursor, limit, caller.get());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a plan", description = "With its topics in order, each with its planned quarter and form. The ETag carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", description = "No such plan, or a draft the caller may not see")
    public Response getPlan(@PathParam("id") UUID id) {
        PlanView plan = plans.get(id, caller.get());
        return Responses.withEtag(plan, plan.version());
    }

    @PUT
    @Path("/{id}/items")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Set the plan's topics", description = "Every topic of the plan in the plan's order, each an accepted topic of the plan's "
            + "territory, with its planned quarter and form: one call adds, removes, reorders and places. A DRAFT changes freely; an APPROVED plan must "
            + "be reopened first; a PUBLISHED plan changes only as an amendment (修订): `amendmentReason` is required, the change is recorded "
            + "(GET …/amendments) and TopicPlanned is published for every topic added, moved or taken out.")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "400", description = "A topic twice, or a published plan changed without `amendmentReason`")
    @APIResponse(responseCode = "403", description = "Not the CPPCC office of the territory")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The plan is APPROVED: reopen it first; the message names what is allowed")
    @APIResponse(responseCode = "422", description = "A topic that is not accepted, not in the territory, or an amendment that changes nothing (the field names the item)")
    public Response setPlanItems(@PathParam("id") UUID id,
                                 @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch,
                                 @Valid @NotNull PlanItems request) {
        PlanView plan = plans.replaceItems(id, ifMatch, request, caller.get());
        return Responses.withEtag(plan, plan.version());
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(LEADER)
    @Operation(summary = "Approve a plan (审定)", description = "A leader of the plan's territory approves a draft with at least one topic.")
    @APIResponse(responseCode = "200", description = "The plan, APPROVED")
    @APIResponse(responseCode = "403", description = "Not a leader of the plan's territory")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Not a draft; the message names what is allowed")
    @APIResponse(responseCode = "422", description = "The plan has no topics")
    public Response approvePlan(@PathParam("id") UUID id,
                                @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch) {
        PlanView plan = plans.approve(id, ifMatch, caller.get());
        return Responses.withEtag(plan, plan.version());
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Reopen an approved plan", description = "Back to DRAFT for changes; the approval lapses and a leader approves it again.")
    @APIResponse(responseCode = "200", description = "The plan, DRAFT")
    @APIResponse(responseCode = "403", description = "Not the CPPCC office of the territory")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Not approved; the message names what is allowed")
    public Response reopenPlan(@PathParam("id") UUID id,
                               @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch) {
        PlanView plan = plans.reopen(id, ifMatch, caller.get());
        return Responses.withEtag(plan, plan.version());
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Publish an approved plan (发布)", description = "The plan becomes public; every topic in it gets a PLANNED timeline entry and TopicPlanned is published for each.")
    @APIResponse(responseCode = "200", description = "The plan, PUBLISHED")
    @APIResponse(responseCode = "403", description = "Not the CPPCC office of the territory")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Not approved; the message names what is allowed")
    public Response publishPlan(@PathParam("id") UUID id,
                                @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch) {
        PlanView plan = plans.publish(id, ifMatch, caller.get());
        return Responses.withEtag(plan, plan.version());
    }

    @GET
    @Path("/{id}/amendments")
    @Authenticated
    @Operation(summary = "A published plan's amendments (修订记录)", description = "Every change made after publication, numbered, with its reason and what it changed.")
    @APIResponse(responseCode = "200", description = "The amendments, in order")
    @APIResponse(responseCode = "404", description = "No such plan")
    public List<AmendmentView> planAmendments(@PathParam("id") UUID id) {
        return plans.amendments(id, caller.get());
    }

    @GET
    @Path("/{id}/statistics")
    @Authenticated
    @Operation(summary = "A plan's statistics", description = "How many of the plan's topics, and what share, by theme, channel, level and township; "
            + "with `theme`, that theme's share on its own (the 2020 county plan: 22 of 34 topics on the demonstration zone, 65 %).")
    @APIResponse(responseCode = "200", description = "The statistics")
    @APIResponse(responseCode = "404", description = "No such plan")
    public PlanStatistics planStatistics(@PathParam("id") UUID id,
                                         @Parameter(description = "A theme whose share to give", example = "示范区") @QueryParam("theme") @Size(max = 40) String theme) {
        return plans.statistics(id, theme == null ? null : theme.strip(), caller.get());
    }
}
