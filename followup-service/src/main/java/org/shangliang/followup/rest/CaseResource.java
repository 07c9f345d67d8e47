package org.shangliang.followup.rest;

import org.shangliang.followup.api.CaseViews;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.GRID_WORKER;
import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.RESIDENT;
import static org.shangliang.commons.security.Roles.HANDLER;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.ORGANIZER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.shangliang.followup.api.CaseRequests;
import org.shangliang.followup.api.StatisticsViews;
import org.shangliang.followup.domain.CaseBox;
import org.shangliang.followup.domain.CaseFilter;
import org.shangliang.followup.service.HandlingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.http.Idempotency;
import org.shangliang.commons.http.Responses;
import org.shangliang.commons.problem.Problem;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.followup.domain.CaseStatus;
import org.shangliang.followup.api.CaseViews.CaseView;
import org.shangliang.followup.api.CaseSync;
import org.shangliang.followup.service.CaseService;
import org.shangliang.followup.service.CaseSyncService;

@org.shangliang.commons.http.RateLimited
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "办理件 — cases opened from consultation outcomes and their handling")
public class CaseResource {

    @Inject CaseService cases;
    @Inject CaseSyncService sync;
    @Inject HandlingService handling;
    @Inject org.shangliang.commons.http.Idempotency idempotency;
    @Inject org.shangliang.followup.service.StatisticsService statistics;
    @Inject org.shangliang.followup.service.BoardService board;

    static final String CSV = "text/csv";
    @Inject org.shangliang.followup.service.SupervisionService supervision;
    @Inject CurrentCaller caller;

    @GET
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, CPPCC_STAFF, LEADER, ORGANIZER, HANDLER})
    @Operation(summary = "List cases", description = "Newest first, keyset-paginated: pass `nextCursor` as `cursor` for the next page. "
            + "Cases appear moments after an outcome is recorded in sessions-service. "
            + "Staff, leaders and organizers see the cases of their territory; a department handler sees its unit's cases (as lead or co-handler); "
            + "a resident or member sees the cases of the topics they proposed or co-signed and of the sessions they took part in.")
    @APIResponse(responseCode = "200", description = "One page of cases")
    public PageView<CaseView> listCases(
            @Parameter(description = "Only cases of this topic") @QueryParam("topicId") UUID topicId,
            @Parameter(description = "Only cases in this status") @QueryParam("status") CaseStatus status,
            @Parameter(description = "Only cases of this lead unit (its directory code)", example = "agri-rural")
            @QueryParam("unit") @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{shangliang.unit}") String unit,
            @Parameter(description = "Only cases of this township or street (or any division code inside the caller's territory)", example = "330421003")
            @QueryParam("township") @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "{shangliang.territory}") String township,
            @Parameter(description = "A role view's box: a unit's inbox (TO_SIGN, IN_PROGRESS, DUE_SOON, OVERDUE, SENT_BACK), staff's queues "
                    + "(RETURN_REQUESTED, TO_REVIEW, TO_EVALUATE, OVERDUE), a leader's supervision list (SUPERVISED_BY_ME), CLOSED")
            @QueryParam("box") CaseBox box,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return cases.list(new CaseFilter(topicId, status, unit, township, box), cursor, limit, caller.get());
    }

    @POST
    @RolesAllowed(CPPCC_STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a case by hand (手工交办)", description = "For the outcome of a meeting held outside the platform (a 主席会议, a joint session "
            + "with another county): county staff of the territory name the source, the lead unit and co-handlers (directory codes; unknown ones are a 422 "
            + "naming each field), the handling mode and a due date or working days. With an Idempotency-Key, a retry returns the same case. Publishes CaseOpened.")
    @APIResponse(responseCode = "201", description = "Opened; Location and ETag headers are set",
            headers = {@Header(name = "Location", description = "URL of the new case"), @Header(name = "ETag", description = "Version, for If-Match")},
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of that territory")
    @APIResponse(responseCode = "422", description = "A code the directory does not have, or contradictory fields")
    public Response openCase(@Parameter(description = "Makes a retry safe: the same key and body return the first answer") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull CaseRequests.OpenCase body, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        return idempotency.once(idempotencyKey, "case.open:" + caller.get().subject(), body, () -> {
            CaseView created = cases.openByHand(body, caller.get());
            return Responses.created(uri, created.id().toString(), created.version(), created);
        });
    }

    @GET
    @Path("/board")
    @RolesAllowed({CPPCC_STAFF, LEADER, ORGANIZER})
    @Operation(summary = "Staff's board (办理看板)", description = "The open and closed cases of the caller's territory (or a part of it) by township and unit, "
            + "with each status's count, overdue and due-soon counts; overdue first.")
    @APIResponse(responseCode = "200", description = "The board")
    @APIResponse(responseCode = "403", description = "A territory outside the caller's")
    public List<CaseViews.BoardRow> getCaseBoard(
            @Parameter(description = "A division code inside the caller's territory; the caller's territory when absent", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "{shangliang.territory}") String territory) {
        return board.board(territory, caller.get());
    }

    @GET
    @Path("/changes")
    @RolesAllowed({CPPCC_STAFF, LEADER, ORGANIZER})
    @Operation(summary = "Sync a territory's cases (变更流)", description = "For an app that keeps an offline copy of a territory's cases: every "
            + "case of the territory and the territories under it that changed after `since` (a clerk's move, the deadline watch, a correction), "
            + "each once in its latest state as a compact summary, oldest change first. Without `since` the first sync is the whole copy; keep "
            + "the `nextCursor` and send it as `since` next time; while `more` is true, ask again at once. A change appears once its transaction "
            + "and every one begun before it have ended, so none is skipped. For the territory's CPPCC staff, leaders and organizers.")
    @APIResponse(responseCode = "200", description = "The changes after `since`", content = @Content(schema = @Schema(implementation = CaseSync.CaseChanges.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this territory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The territory is not in the directory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseSync.CaseChanges syncCases(
            @Parameter(description = "The territory to follow, with everything under it", required = true, example = "330421003201")
            @QueryParam("territory") @NotNull @Pattern(regexp = org.shangliang.commons.security.Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @Parameter(description = "The `nextCursor` of the last sync; absent for the first") @QueryParam("since") String since,
            @Parameter(description = "Changes per answer, 1 to 1000") @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(CaseSyncService.MAX_LIMIT) int limit) {
        return sync.since(territory, since, limit, caller.get());
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({CPPCC_STAFF, LEADER, ORGANIZER})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Follow-up statistics (办理统计)", description = "Of the cases assigned in a year in the caller's territory (or a part of it), per unit or township and in total: "
            + "outcome conversion rate (closed with A or B over all closed), on-time rate (first replies by the deadline), average working days from sign-for to the first reply, "
            + "the satisfaction of closed cases, redos and cases overdue today. `Accept: text/csv` gives the same as CSV in UTF-8 with a byte-order mark, which Excel opens with the Chinese intact.")
    @APIResponse(responseCode = "200", description = "The statistics", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatisticsViews.StatisticsView.class)),
            @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "403", description = "A territory outside the caller's")
    public Response getCaseStatistics(
            @Parameter(description = "The year the cases were assigned in", example = "2026", required = true) @QueryParam("year") @jakarta.validation.constraints.NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "UNIT (the default) or TOWNSHIP") @QueryParam("groupBy") @DefaultValue("UNIT") StatisticsViews.GroupBy groupBy,
            @Parameter(description = "A division code inside the caller's territory; the caller's territory when absent", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "{shangliang.territory}") String territory,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        StatisticsViews.StatisticsView view = statistics.statistics(year, groupBy, territory, caller.get());
        boolean csv = headers.getAcceptableMediaTypes().stream().findFirst().map(t -> t.isCompatible(MediaType.valueOf(CSV)) && !t.isWildcardType()).orElse(false);
        if (!csv) return Response.ok(view, MediaType.APPLICATION_JSON).build();
        return Response.ok(StatisticsViews.csv(view), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"case-statistics-" + year + "-" + groupBy.name().toLowerCase() + ".csv\"").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, CPPCC_STAFF, LEADER, ORGANIZER, HANDLER})
    @Operation(summary = "Read a case", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The case", headers = @Header(name = "ETag", description = "Version, for If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getCase(@PathParam("id") UUID id) {
        CaseView view = cases.get(id, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, CPPCC_STAFF, LEADER, ORGANIZER, HANDLER})
    @Operation(summary = "The case's history (办理记录)", description = "Every step, oldest first: opened, signed for, return requested, reassigned, progress, co-handlers' parts, reply and its review, evaluations, redo, closed, corrected by a new version of the outcome, withdrawn.")
    @APIResponse(responseCode = "200", description = "The steps")
    @APIResponse(responseCode = "404", description = "No such case", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CaseViews.CaseHistoryView> listCaseHistory(@PathParam("id") UUID id) {
        return cases.history(id, caller.get());
    }

    @POST
    @Path("/{id}/sign")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(HANDLER)
    @Operation(summary = "Sign for a case (签收)", description = "The lead unit takes the case on. From ASSIGNED. A deadline in working days becomes a date now, counted on the working calendar. Publishes CaseSigned.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Your unit is not the lead unit")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response signCase(@PathParam("id") UUID id,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.sign(id, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/return-request")
    @RolesAllowed(HANDLER)
    @Operation(summary = "Ask to hand a case back (申退)", description = "The lead unit says the case is not theirs, with a reason. From ASSIGNED; staff then reassign it or insist. Publishes CaseReturnRequested.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Your unit is not the lead unit")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response requestReturn(@PathParam("id") UUID id,
                         @Valid @NotNull CaseRequests.RequestReturn body,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.requestReturn(id, body, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/reassign")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Reassign a case to another lead unit (改派)", description = "County staff give the case to another unit in the directory (a 422 names an unknown one); it must sign for it. From ASSIGNED, RETURN_REQUESTED, SIGNED, IN_PROGRESS, REPLIED or REPLY_APPROVED. Publishes CaseReassigned.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the case's territory")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response reassignCase(@PathParam("id") UUID id,
                         @Valid @NotNull CaseRequests.ReassignCase body,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.reassign(id, body, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/insist")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Refuse a return request (坚持交办)", description = "The unit keeps the case and must sign for it. From RETURN_REQUESTED. Publishes CaseReassigned with insisted = true.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the case's territory")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response insistOnAssignment(@PathParam("id") UUID id,
                         @Valid @NotNull CaseRequests.InsistOnAssignment body,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.insist(id, body, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/progress")
    @RolesAllowed(HANDLER)
    @Operation(summary = "Report progress (办理进展)", description = "The lead unit says what was done and how far along (0–100), with evidence metadata. From SIGNED or IN_PROGRESS. Publishes ProgressReported.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Your unit is not the lead unit")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response reportProgress(@PathParam("id") UUID id,
                         @Valid @NotNull CaseRequests.ReportProgress body,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.reportProgress(id, body, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/reply")
    @RolesAllowed(HANDLER)
    @Operation(summary = "Reply (办复)", description = "The lead unit's reply with its resolution degree (A–D); it cites the co-handlers, each of whom must have reported its part first (409 names those missing). From SIGNED or IN_PROGRESS. Publishes CaseReplied.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Your unit is not the lead unit")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response replyToCase(@PathParam("id") UUID id,
                         @Valid @NotNull CaseRequests.ReplyToCase body,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.reply(id, body, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/reply/approval")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Pass the reply (答复审查通过)", description = "The reply goes to the proposer, co-signers and participants for evaluation. From REPLIED. Publishes ReplyApproved.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the case's territory")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response approveReply(@PathParam("id") UUID id,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.approveReply(id, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/reply/send-back")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Send the reply back (答复退回)", description = "The unit works on and replies again; co-handlers are asked again too. From REPLIED. Publishes ReplySentBack.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the case's territory")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response sendBackReply(@PathParam("id") UUID id,
                         @Valid @NotNull CaseRequests.SendBackReply body,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.sendBack(id, body, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/evaluations")
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, ORGANIZER, CPPCC_STAFF, HANDLER, LEADER})
    @Operation(summary = "Evaluate the result (评价)", description = "By the topic's proposer, a co-signer or a participant present at the session, once each per round; attitude and result rated apart. The proposer's evaluation decides: SATISFIED or BASICALLY_SATISFIED closes the case, DISSATISFIED sends it back for a redo (up to `shangliang.followup.max-redos`, then staff close it with a note). From REPLY_APPROVED. Publishes CaseEvaluated (and CaseClosed or CaseRedo).")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "You are not among those who evaluate this case")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response evaluateCase(@PathParam("id") UUID id,
                         @Valid @NotNull CaseRequests.EvaluateCase body,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.evaluate(id, body, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/redo")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Order a redo (重办)", description = "After a 不满意 in this round, when no proposer decides it (e.g. a resident filed for by a grid worker). Up to the configured limit. From REPLY_APPROVED. Publishes CaseRedo.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the case's territory")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response redoCase(@PathParam("id") UUID id,
                         @Valid @NotNull CaseRequests.RedoCase body,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.redo(id, body, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/close")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Close a case with a note (办结)", description = "When nobody decides, or after the redo limit. From REPLY_APPROVED. Publishes CaseClosed.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the case's territory")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response closeCase(@PathParam("id") UUID id,
                         @Valid @NotNull CaseRequests.CloseCase body,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.close(id, body, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/part/sign")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(HANDLER)
    @Operation(summary = "A co-handler signs for its part (协办签收)", description = "By a unit named as co-handler of the case.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Your unit does not co-handle this case")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response signPart(@PathParam("id") UUID id,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.signPart(id, ifMatch, caller.get()));
    }
    @POST
    @Path("/{id}/part/report")
    @RolesAllowed(HANDLER)
    @Operation(summary = "A co-handler reports its part (协办意见)", description = "Its opinion in a joint case (会办), its portion's result with a resolution degree in a split case (分办). Before the lead unit's reply. Publishes ProgressReported.")
    @APIResponse(responseCode = "200", description = "The case after the move", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Your unit does not co-handle this case")
    @APIResponse(responseCode = "409", description = "Not allowed from the case's status; the message names what is allowed")
    public Response reportPart(@PathParam("id") UUID id,
                         @Valid @NotNull CaseRequests.ReportPart body,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(handling.reportPart(id, body, ifMatch, caller.get()));
    }
    @GET
    @Path("/{id}/progress")
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, CPPCC_STAFF, LEADER, ORGANIZER, HANDLER})
    @Operation(summary = "The case's progress reports (办理进展)", description = "Oldest first: the lead unit's reports and the co-handlers' parts, with evidence metadata.")
    @APIResponse(responseCode = "200", description = "The reports")
    @APIResponse(responseCode = "404", description = "No such case")
    public List<CaseViews.ProgressView> listCaseProgress(@PathParam("id") UUID id) {
        return handling.progress(id, caller.get());
    }

    @GET
    @Path("/{id}/evaluations")
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, CPPCC_STAFF, LEADER, ORGANIZER, HANDLER})
    @Operation(summary = "The case's evaluations (评价)", description = "Oldest first, every round; who evaluated is given by role, not by name.")
    @APIResponse(responseCode = "200", description = "The evaluations")
    @APIResponse(responseCode = "404", description = "No such case")
    public List<CaseViews.EvaluationView> listCaseEvaluations(@PathParam("id") UUID id) {
        return handling.evaluations(id, caller.get());
    }

    @POST
    @Path("/{id}/supervision")
    @RolesAllowed(LEADER)
    @Operation(summary = "Supervise a case (督办)", description = "A leader over the case's territory supervises it with a note and, if given, a tighter deadline "
            + "(between today and the deadline in force). Shown on the case; publishes CaseSupervised. While the case is open.")
    @APIResponse(responseCode = "200", description = "The case, supervised", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Not a leader covering the case's territory")
    @APIResponse(responseCode = "409", description = "The case is closed or withdrawn")
    public Response superviseCase(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.SuperviseCase body,
                                  @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(supervision.supervise(id, body, ifMatch, caller.get()));
    }

    @POST
    @Path("/{id}/reminders")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Remind the lead unit (催办)", description = "County staff remind the unit, saying what they ask; recorded on the case; publishes CaseReminded (kind MANUAL). "
            + "The deadline watch sends the automatic ones (DUE_SOON, OVERDUE, OVERDUE_AGAIN).")
    @APIResponse(responseCode = "200", description = "The case", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the case's territory")
    @APIResponse(responseCode = "409", description = "The case is closed or withdrawn")
    public Response remindCase(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.RemindCase body,
                               @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(supervision.remind(id, body, ifMatch, caller.get()));
    }

    @POST
    @Path("/{id}/extension-requests")
    @RolesAllowed(HANDLER)
    @Operation(summary = "Ask for more time (延期申请)", description = "The lead unit asks for a later due date (or working days added to it), with a reason, while the deadline runs; "
            + "one request waits at a time. Staff decide it.")
    @APIResponse(responseCode = "201", description = "The request, waiting", content = @Content(schema = @Schema(implementation = CaseViews.ExtensionView.class)))
    @APIResponse(responseCode = "403", description = "Your unit is not the lead unit")
    @APIResponse(responseCode = "409", description = "The deadline does not run, or a request is already waiting")
    @APIResponse(responseCode = "422", description = "Neither or both of dueDate and workingDays, or a date not after the current one")
    public Response requestExtension(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.RequestExtension body) {
        return Response.status(Response.Status.CREATED).entity(supervision.requestExtension(id, body, caller.get())).build();
    }

    @GET
    @Path("/{id}/extension-requests")
    @RolesAllowed({CPPCC_STAFF, LEADER, ORGANIZER, HANDLER})
    @Operation(summary = "The case's extension requests", description = "Oldest first, with staff's answers.")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "404", description = "No such case")
    public List<CaseViews.ExtensionView> listExtensionRequests(@PathParam("id") UUID id) {
        return supervision.extensions(id, caller.get());
    }

    @POST
    @Path("/{id}/extension-requests/{requestId}/decision")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Approve or refuse an extension (延期审批)", description = "Approval moves the due date (the deadline notices are armed again for it) and publishes CaseExtended; "
            + "a refusal is recorded on the case. Each request is decided once.")
    @APIResponse(responseCode = "200", description = "The request, decided", content = @Content(schema = @Schema(implementation = CaseViews.ExtensionView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the case's territory")
    @APIResponse(responseCode = "404", description = "No such case or request")
    @APIResponse(responseCode = "409", description = "Decided already")
    public CaseViews.ExtensionView decideExtension(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId, @Valid @NotNull CaseRequests.DecideExtension body) {
        return supervision.decideExtension(id, requestId, body, caller.get());
    }

    private static Response withEtag(CaseView view) {
        return Responses.withEtag(view, view.version());
    }
}
