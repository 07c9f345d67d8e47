package org.shangliang.topics.rest;

import org.shangliang.topics.api.TopicViews;
import org.shangliang.topics.api.TopicRequests;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.shangliang.topics.domain.TopicFilter;
import org.shangliang.topics.domain.Channel;
import org.shangliang.commons.security.Caller;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.shangliang.topics.domain.Level;
import org.shangliang.topics.domain.TopicStatus;
import org.shangliang.topics.api.TopicRequests.AcceptTopic;
import org.shangliang.topics.api.TopicRequests.EditTopic;
import org.shangliang.topics.api.TopicRequests.RejectTopic;
import org.shangliang.topics.api.TopicRequests.SubmitTopic;
import org.shangliang.topics.api.TopicViews.TimelineEntryView;
import org.shangliang.topics.api.TopicViews.TopicView;
import org.shangliang.topics.api.TopicSync.TopicChanges;
import org.shangliang.topics.service.TopicService;
import org.shangliang.topics.service.TopicSyncService;

@org.shangliang.commons.http.RateLimited
@Path("/api/v1/topics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "议题征集 — submit, screen and follow topics")
public class TopicResource {

    @Inject TopicService topics;
    @Inject TopicSyncService sync;
    @Inject Idempotency idempotency;
    @Inject CurrentCaller caller;

    @POST
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, ORGANIZER, CPPCC_STAFF, INTEGRATION})
    @Operation(summary = "Submit a topic", description = "Creates a topic in status SUBMITTED with the next YT number of the year, "
            + "or a DRAFT (`draft: true`) that only its author sees until they submit it. A grid worker files for a resident with `onBehalfOf` "
            + "(代办: the resident is the proposer, the grid worker the filer). Send an Idempotency-Key so a retried request creates nothing twice.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers are set",
            headers = {@Header(name = "Location", description = "URL of the new topic"), @Header(name = "ETag", description = "Version, for If-Match")},
            content = @Content(schema = @Schema(implementation = TopicView.class)))
    public Response submitTopic(
            @Parameter(description = "Any unique string per intended topic (e.g. a UUID); a retry with the same key returns the first response")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull SubmitTopic request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "topics.submit:" + caller.get().subject(), request, () -> {
            TopicView created = topics.submit(request, caller.get());
            return Responses.created(uri, created.id(), created.version(), created);
        });
    }

    @GET
    @Authenticated
    @Operation(summary = "List and search topics (检索)", description = "The topics the caller may see, narrowed by any of the filters, "
            + "newest first or most supported first, keyset-paginated: pass the `nextCursor` of a page as `cursor` to get the next one "
            + "(with the same filters and sort). `q` finds Chinese text without word breaks: every two neighbouring characters of the query "
            + "must appear in the title or description, so 蜜梨 finds 建蜜梨销售网点 and 确权 finds 第三轮土地确权; a query needs two characters.")
    @APIResponse(responseCode = "200", description = "One page of topics")
    @APIResponse(responseCode = "403", description = "`proposer` names someone else and the caller may not see proposers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "`territory` is not in the directory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<TopicView> listTopics(
            @Parameter(description = "Only topics in this status") @QueryParam("status") TopicStatus status,
            @Parameter(description = "Only topics inside this territory (division-code prefix)", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @Parameter(description = "Only topics of this level") @QueryParam("level") Level level,
            @Parameter(description = "Words to find in title or description, two characters or more", example = "蜜梨")
            @QueryParam("q") @Size(min = 2, max = 50) String q,
            @Parameter(description = "Only topics with this theme", example = "农业") @QueryParam("theme") @Size(max = 40) String theme,
            @Parameter(description = "Only topics that came in through this channel") @QueryParam("channel") Channel channel,
            @Parameter(description = "Only topics submitted in this year (China time)", example = "2026") @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "Only topics of this proposer (token subject); `me` for one's own. Others' only for staff", example = "me")
            @QueryParam("proposer") @Size(max = 200) String proposer,
            @Parameter(description = "true: only topics whose supports reached the threshold; false: only those that did not")
            @QueryParam("flagged") Boolean flagged,
            @Parameter(description = "NEWEST (default) or MOST_SUPPORTED") @QueryParam("sort") @DefaultValue("NEWEST") TopicFilter.Sort sort,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        Caller who = caller.get();
        String proposerSubject = "me".equals(proposer) ? who.subject() : proposer;
        TopicFilter filter = new TopicFilter(status, territory, level, q == null ? null : q.strip(), theme == null ? null : theme.strip(),
                channel, year, proposerSubject, flagged, sort);
        return topics.list(filter, cursor, limit, who);
    }

    @GET
    @Path("/similar")
    @Authenticated
    @Operation(summary = "Topics like a title (查重, dry run)", description = "What a submission would list as similar, while the proposer is still typing: "
            + "topics of the territory and its subtree (the newest 500), from the last year, whose titles share enough "
            + "two-character pairs with `title` (土地确权协商 and 第三轮土地确权 find each other), best first, at most 5, only those the caller may see.")
    @APIResponse(responseCode = "200", description = "Similar topics, best first (empty when none)")
    @APIResponse(responseCode = "422", description = "`territory` is not in the directory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TopicViews.SimilarTopicView> findSimilarTopics(
            @Parameter(description = "The title being typed", required = true, example = "建蜜梨销售网点")
            @QueryParam("title") @NotBlank @Size(max = 120) String title,
            @Parameter(description = "The territory the topic would be filed in", required = true, example = "330421003201")
            @QueryParam("territory") @NotNull @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory) {
        return topics.similar(title.strip(), territory, caller.get());
    }

    @GET
    @Path("/changes")
    @Authenticated
    @Operation(summary = "Sync a territory's topics (变更流)", description = "For an app that keeps an offline copy of a territory's topics "
            + "(a village organizer's phone on a weak network): every topic of the territory and the territories under it that changed after "
            + "`since`, each once in its latest state as a compact summary, oldest change first; merged, moved and deleted topics come as "
            + "tombstones. Without `since` the feed starts from the beginning: the first sync is the whole copy. Keep the `nextCursor` of each "
            + "answer and send it as `since` next time; while `more` is true, ask again at once. A change appears once its transaction "
            + "and every one begun before it have ended, so no change is ever skipped. Send `Accept-Encoding: gzip` to get the answer "
            + "compressed. For organizers, CPPCC staff, leaders, grid workers and township systems of the territory: they see all its topics.")
    @APIResponse(responseCode = "200", description = "The changes after `since`", content = @Content(schema = @Schema(implementation = TopicChanges.class)))
    @APIResponse(responseCode = "403", description = "The caller does not see every topic of this territory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The territory is not in the directory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TopicChanges changes(
            @Parameter(description = "The territory to follow, with everything under it", required = true, example = "330421003201")
            @QueryParam("territory") @NotNull @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @Parameter(description = "The `nextCursor` of the last sync; absent for the first") @QueryParam("since") String since,
            @Parameter(description = "Changes per answer, 1 to 1000") @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(TopicSyncService.MAX_LIMIT) int limit) {
        return sync.since(territory, since, limit, caller.get());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a topic", description = "The ETag header carries the version to send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The topic", headers = @Header(name = "ETag", description = "Version, for If-Match"),
            content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getTopic(@PathParam("id") UUID id) {
        return withEtag(topics.get(id, caller.get()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, ORGANIZER, CPPCC_STAFF, INTEGRATION})
    @Operation(summary = "Edit a topic waiting for screening", description = "Replaces title, description and themes. Only while SUBMITTED; needs If-Match.")
    @APIResponse(responseCode = "200", description = "The edited topic", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The topic is no longer SUBMITTED; the message names what is allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response editTopic(@PathParam("id") UUID id,
                         @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch,
                         @Valid @NotNull EditTopic request) {
        return withEtag(topics.edit(id, ifMatch, request, caller.get()));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Accept a topic (立项)", description = "Screening decision. Publishes TopicAccepted, after which sessions-service can put the topic on an agenda.")
    @APIResponse(responseCode = "200", description = "The accepted topic", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the topic's status; the message names what is allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response acceptTopic(@PathParam("id") UUID id,
                           @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch,
                           @Valid AcceptTopic decision) {
        return withEtag(topics.accept(id, ifMatch, decision, caller.get()));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Reject a topic (不予立项)", description = "Screening decision with the reason the proposer is told. Publishes TopicRejected.")
    @APIResponse(responseCode = "200", description = "The rejected topic", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the topic's status; the message names what is allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rejectTopic(@PathParam("id") UUID id,
                           @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull RejectTopic decision) {
        return withEtag(topics.reject(id, ifMatch, decision, caller.get()));
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, ORGANIZER, CPPCC_STAFF, INTEGRATION})
    @Operation(summary = "Submit a draft", description = "The author submits a DRAFT: it takes the next YT number and waits for screening. "
            + "Needs If-Match. Publishes TopicSubmitted.")
    @APIResponse(responseCode = "200", description = "The submitted topic", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"), content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "404", description = "No such topic (a draft exists only for its author)")
    @APIResponse(responseCode = "409", description = "Not a draft; the message names what is allowed")
    public Response submitDraft(@PathParam("id") UUID id,
                                @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch) {
        return withEtag(topics.submitDraft(id, ifMatch, caller.get()));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, ORGANIZER, CPPCC_STAFF, INTEGRATION})
    @Operation(summary = "Withdraw a topic (撤回)", description = "The proposer (or the grid worker who filed it for them) withdraws a draft, "
            + "a topic waiting for screening, or an accepted topic not yet scheduled. Needs If-Match. Publishes TopicWithdrawn "
            + "(not for a draft, which was never announced); sessions-service then takes it off what can be scheduled.")
    @APIResponse(responseCode = "200", description = "The withdrawn topic", headers = @Header(name = "ETag", description = "The new version"), content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "403", description = "Not the proposer")
    @APIResponse(responseCode = "404", description = "No such topic")
    @APIResponse(responseCode = "409", description = "Already scheduled or closed; the message names what is allowed")
    public Response withdrawTopic(@PathParam("id") UUID id,
                                  @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch,
                                  @Valid @NotNull TopicRequests.WithdrawTopic request) {
        return withEtag(topics.withdraw(id, ifMatch, request, caller.get()));
    }

    @POST
    @Path("/{id}/convert")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Convert a topic to an opinion (转意见建议)", description = "Screening decision: the matter is passed on as an opinion "
            + "instead of being consulted on, with a note the proposer is told. Needs If-Match. Publishes TopicConverted.")
    @APIResponse(responseCode = "200", description = "The converted topic", headers = @Header(name = "ETag", description = "The new version"), content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "404", description = "No such topic")
    @APIResponse(responseCode = "409", description = "Not allowed from the topic's status; the message names what is allowed")
    public Response convertTopic(@PathParam("id") UUID id,
                                 @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch,
                                 @Valid @NotNull TopicRequests.ConvertTopic request) {
        return withEtag(topics.convert(id, ifMatch, request, caller.get()));
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "Merge a topic into another (合并)", description = "Screening decision: the topic lives on in `into` (waiting for screening or accepted, "
            + "screened by the caller too), which takes its supporters (and its proposer as one) and confirmed co-signers, each counted once. "
            + "A merged topic refuses every move with a 409 naming the survivor; its timeline says where it went. Needs If-Match. Publishes TopicMerged.")
    @APIResponse(responseCode = "200", description = "The merged topic", headers = @Header(name = "ETag", description = "The new version"), content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "404", description = "No such topic")
    @APIResponse(responseCode = "409", description = "Not allowed from the topic's status (a merged topic names its survivor)")
    @APIResponse(responseCode = "422", description = "`into` is not a topic the caller screens, is not open, or is the topic itself")
    public Response mergeTopic(@PathParam("id") UUID id,
                               @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the version you read", required = true) @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull TopicRequests.MergeTopic request) {
        return withEtag(topics.merge(id, ifMatch, request, caller.get()));
    }

    @GET
    @Path("/screening-queue")
    @RolesAllowed({ORGANIZER, CPPCC_STAFF})
    @Operation(summary = "The screening queue (待审队列)", description = "Topics waiting for screening inside a territory (default: the caller's): "
            + "those whose supports reached the level's threshold first, in the order they reached it, then the oldest. Keyset-paginated.")
    @APIResponse(responseCode = "200", description = "One page of the queue")
    public PageView<TopicView> screeningQueue(
            @Parameter(description = "A territory inside the caller's (division code)", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return topics.screeningQueue(territory, cursor, limit, caller.get());
    }

    @POST
    @Path("/{id}/supports")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({RESIDENT, MEMBER})
    @Operation(summary = "Support a topic (附议)", description = "One support per person and topic; supporting twice is 409. "
            + "Possible while the topic is SUBMITTED or ACCEPTED, and not for one's own topic.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = TopicViews.SupportView.class)))
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already supported, one's own topic, or the topic no longer takes supports", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response supportTopic(@PathParam("id") UUID id) {
        return Response.status(Response.Status.CREATED).entity(topics.support(id, caller.get())).build();
    }

    @GET
    @Path("/{id}/timeline")
    @Authenticated
    @Operation(summary = "A topic's timeline", description = "Every step of the topic across the three services, oldest first: submitted, screened, scheduled, deliberated, case opened.")
    @APIResponse(responseCode = "200", description = "The steps, oldest first")
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TimelineEntryView> getTopicTimeline(@PathParam("id") UUID id) {
        return topics.timeline(id, caller.get());
    }

    private static Response withEtag(TopicView view) {
        return Responses.withEtag(view, view.version());
    }
}
