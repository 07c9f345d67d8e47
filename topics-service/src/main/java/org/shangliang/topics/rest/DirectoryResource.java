package org.shangliang.topics.rest;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;

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
import org.shangliang.commons.http.RateLimited;
import org.shangliang.commons.http.Responses;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.topics.api.DirectoryRequests;
import org.shangliang.topics.api.DirectoryRequests.MemberData;
import org.shangliang.topics.api.DirectoryRequests.NewTerritory;
import org.shangliang.topics.api.DirectoryRequests.NewUnit;
import org.shangliang.topics.api.DirectoryRequests.ServiceTeamData;
import org.shangliang.topics.api.DirectoryRequests.TerritoryChange;
import org.shangliang.topics.api.DirectoryRequests.UnitChange;
import org.shangliang.topics.api.DirectoryViews.MemberView;
import org.shangliang.topics.api.DirectoryViews.ServiceTeamView;
import org.shangliang.topics.api.DirectoryViews.TerritoryView;
import org.shangliang.topics.api.DirectoryViews.UnitView;
import org.shangliang.topics.domain.TerritoryKind;
import org.shangliang.topics.service.DirectoryService;

/**
 * The directory (名录): maintained by the county CPPCC office, read by everyone signed in. Every
 * change is published on the compacted {@code directory} stream, from which sessions-service and
 * followup-service keep their copies.
 */
@RateLimited
@Path("/api/v1/directory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Directory", description = "名录 — territories, units (承办单位), CPPCC members (委员) and service teams (界别服务组)")
public class DirectoryResource {

    private static final String IF_MATCH_DOC = "ETag of the version you read";
    private static final String KEY_DOC = "Any unique string per intended entry (e.g. a UUID); a retry with the same key returns the first response";
    private static final String RETIRED_DOC = "Also list retired entries";
    private static final String RETIRE_409 = "Already retired (a retired entry is read-only), or still referred to by active entries";
    private static final String CREATE_422 = "A code it refers to is not in the directory or is retired (the problem names the field)";

    @Inject DirectoryService directory;
    @Inject Idempotency idempotency;
    @Inject CurrentCaller caller;

    // ---- territories --------------------------------------------------------------------------

    @GET
    @Path("/territories")
    @Authenticated
    @Operation(summary = "List territories", description = "In code order, keyset-paginated. `parent=330421` lists the county's townships and streets; "
            + "without `parent`, every territory.")
    @APIResponse(responseCode = "200", description = "One page of territories")
    public PageView<TerritoryView> listTerritories(
            @Parameter(description = "Only the children of this territory", example = "330421003")
            @QueryParam("parent") @Pattern(regexp = DirectoryRequests.TERRITORY_CODE, message = "{shangliang.territory-or-region}") String parent,
            @Parameter(description = "Only territories of this kind") @QueryParam("kind") TerritoryKind kind,
            @Parameter(description = RETIRED_DOC) @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return directory.territories(parent, kind, includeRetired, cursor, limit);
    }

    @GET
    @Path("/territories/{code}")
    @Authenticated
    @Operation(summary = "Read a territory", description = "The ETag header carries the version to send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The territory", headers = @Header(name = "ETag", description = "Version, for If-Match"),
            content = @Content(schema = @Schema(implementation = TerritoryView.class)))
    @APIResponse(responseCode = "404", description = "No such territory")
    public Response getTerritory(@Parameter(example = "330421003201") @PathParam("code") String code) {
        TerritoryView view = directory.territory(code);
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/territories")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Add a territory", description = "A township, village or grid under an existing parent (the code extends the parent's by three digits), "
            + "a county, or a cross-region entry (X001...) that joins counties for joint sessions. Publishes TerritoryRecorded.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers are set",
            headers = {@Header(name = "Location", description = "URL of the new territory"), @Header(name = "ETag", description = "Version, for If-Match")},
            content = @Content(schema = @Schema(implementation = TerritoryView.class)))
    @APIResponse(responseCode = "409", description = "A territory with this code exists")
    @APIResponse(responseCode = "422", description = CREATE_422)
    public Response createTerritory(@Parameter(description = KEY_DOC) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                    @Valid @NotNull NewTerritory request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "directory.territory:" + caller.get().subject(), request, () -> {
            TerritoryView created = directory.createTerritory(request, caller.get());
            return Responses.created(uri, created.code(), created.version(), created);
        });
    }

    @PUT
    @Path("/territories/{code}")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Rename a territory", description = "Changes the name (and a cross-region entry's member counties); the code never changes. "
            + "Needs If-Match. Publishes TerritoryRecorded.")
    @APIResponse(responseCode = "200", description = "The changed territory", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"),
            content = @Content(schema = @Schema(implementation = TerritoryView.class)))
    @APIResponse(responseCode = "404", description = "No such territory")
    @APIResponse(responseCode = "409", description = "The territory is retired")
    public Response changeTerritory(@PathParam("code") String code,
                                    @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch,
                                    @Valid @NotNull TerritoryChange request) {
        TerritoryView view = directory.changeTerritory(code, ifMatch, request, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/territories/{code}/retire")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Retire a territory (停用)", description = "Nothing is deleted: what refers to it keeps it, nothing new may. "
            + "Refused while active sub-territories, units, members or service teams are under it. Needs If-Match. Publishes TerritoryRecorded.")
    @APIResponse(responseCode = "200", description = "The retired territory", headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = TerritoryView.class)))
    @APIResponse(responseCode = "404", description = "No such territory")
    @APIResponse(responseCode = "409", description = RETIRE_409)
    public Response retireTerritory(@PathParam("code") String code,
                                    @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch) {
        TerritoryView view = directory.retireTerritory(code, ifMatch, caller.get());
        return Responses.withEtag(view, view.version());
    }

    // ---- units --------------------------------------------------------------------------------

    @GET
    @Path("/units")
    @Authenticated
    @Operation(summary = "List units (承办单位)", description = "In code order, keyset-paginated.")
    @APIResponse(responseCode = "200", description = "One page of units")
    public PageView<UnitView> listUnits(
            @Parameter(description = "Only units serving this territory", example = "330421")
            @QueryParam("territory") @Pattern(regexp = DirectoryRequests.TERRITORY_CODE, message = "{shangliang.territory-or-region}") String territory,
            @Parameter(description = RETIRED_DOC) @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return directory.units(territory, includeRetired, cursor, limit);
    }

    @GET
    @Path("/units/{code}")
    @Authenticated
    @Operation(summary = "Read a unit", description = "The ETag header carries the version to send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The unit", headers = @Header(name = "ETag", description = "Version, for If-Match"),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "404", description = "No such unit")
    public Response getUnit(@Parameter(example = "agri-rural") @PathParam("code") String code) {
        UnitView view = directory.unit(code);
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/units")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Add a unit", description = "A department or office that handles cases, with the stable code every other record uses. Publishes UnitRecorded.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers are set",
            headers = {@Header(name = "Location", description = "URL of the new unit"), @Header(name = "ETag", description = "Version, for If-Match")},
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "A unit with this code exists")
    @APIResponse(responseCode = "422", description = CREATE_422)
    public Response createUnit(@Parameter(description = KEY_DOC) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                               @Valid @NotNull NewUnit request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "directory.unit:" + caller.get().subject(), request, () -> {
            UnitView created = directory.createUnit(request, caller.get());
            return Responses.created(uri, created.code(), created.version(), created);
        });
    }

    @PUT
    @Path("/units/{code}")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Rename a unit", description = "The code never changes. Needs If-Match. Publishes UnitRecorded.")
    @APIResponse(responseCode = "200", description = "The changed unit", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "404", description = "No such unit")
    @APIResponse(responseCode = "409", description = "The unit is retired")
    public Response changeUnit(@PathParam("code") String code,
                               @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull UnitChange request) {
        UnitView view = directory.renameUnit(code, ifMatch, request.name(), caller.get());
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/units/{code}/retire")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Retire a unit (停用)", description = "Its cases keep it; no new recommendation or case may name it. Needs If-Match. Publishes UnitRecorded.")
    @APIResponse(responseCode = "200", description = "The retired unit", headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "404", description = "No such unit")
    @APIResponse(responseCode = "409", description = RETIRE_409)
    public Response retireUnit(@PathParam("code") String code,
                               @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch) {
        UnitView view = directory.retireUnit(code, ifMatch, caller.get());
        return Responses.withEtag(view, view.version());
    }

    // ---- members ------------------------------------------------------------------------------

    @GET
    @Path("/members")
    @Authenticated
    @Operation(summary = "List CPPCC members (委员)", description = "Newest first, keyset-paginated. Phones only for callers who may see them.")
    @APIResponse(responseCode = "200", description = "One page of members")
    public PageView<MemberView> listMembers(
            @Parameter(description = "Only members linked to a grid inside this territory", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = "[0-9]{6}([0-9]{3}){0,3}", message = "{shangliang.territory}") String territory,
            @Parameter(description = "Only members of this sector (界别)", example = "中共") @QueryParam("sector") @Size(max = 60) String sector,
            @Parameter(description = RETIRED_DOC) @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return directory.members(territory, sector, includeRetired, cursor, limit, caller.get());
    }

    @GET
    @Path("/members/{id}")
    @Authenticated
    @Operation(summary = "Read a member", description = "The ETag header carries the version to send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The member", headers = @Header(name = "ETag", description = "Version, for If-Match"),
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", description = "No such member")
    public Response getMember(@PathParam("id") UUID id) {
        MemberView view = directory.member(id, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/members")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Add a member", description = "A CPPCC member of a sector, linked to a grid (委员联网格). Publishes MemberRecorded (without the phone).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers are set",
            headers = {@Header(name = "Location", description = "URL of the new member"), @Header(name = "ETag", description = "Version, for If-Match")},
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "409", description = "The login (subject) already belongs to another member")
    @APIResponse(responseCode = "422", description = CREATE_422)
    public Response createMember(@Parameter(description = KEY_DOC) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                 @Valid @NotNull MemberData request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "directory.member:" + caller.get().subject(), request, () -> {
            MemberView created = directory.createMember(request, caller.get());
            return Responses.created(uri, created.id(), created.version(), created);
        });
    }

    @PUT
    @Path("/members/{id}")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Update a member", description = "Replaces name, sector, grid, phone and login. Needs If-Match. Publishes MemberRecorded.")
    @APIResponse(responseCode = "200", description = "The changed member", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"),
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "409", description = "The member is retired, or the login belongs to another member")
    @APIResponse(responseCode = "422", description = CREATE_422)
    public Response updateMember(@PathParam("id") UUID id,
                                 @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch,
                                 @Valid @NotNull MemberData request) {
        MemberView view = directory.updateMember(id, ifMatch, request, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/members/{id}/retire")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Retire a member (停用)", description = "At the end of a term: kept for the records that name them. Needs If-Match. Publishes MemberRecorded.")
    @APIResponse(responseCode = "200", description = "The retired member", headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "409", description = RETIRE_409)
    public Response retireMember(@PathParam("id") UUID id,
                                 @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch) {
        MemberView view = directory.retireMember(id, ifMatch, caller.get());
        return Responses.withEtag(view, view.version());
    }

    // ---- service teams ------------------------------------------------------------------------

    @GET
    @Path("/service-teams")
    @Authenticated
    @Operation(summary = "List service teams (界别服务组)", description = "Newest first, keyset-paginated.")
    @APIResponse(responseCode = "200", description = "One page of service teams")
    public PageView<ServiceTeamView> listServiceTeams(
            @Parameter(description = "Only teams linked to a township inside this territory", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = "[0-9]{6}([0-9]{3}){0,3}", message = "{shangliang.territory}") String territory,
            @Parameter(description = "Only teams of this sector (界别)", example = "农业和农村") @QueryParam("sector") @Size(max = 60) String sector,
            @Parameter(description = RETIRED_DOC) @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return directory.serviceTeams(territory, sector, includeRetired, cursor, limit);
    }

    @GET
    @Path("/service-teams/{id}")
    @Authenticated
    @Operation(summary = "Read a service team", description = "The ETag header carries the version to send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The service team", headers = @Header(name = "ETag", description = "Version, for If-Match"),
            content = @Content(schema = @Schema(implementation = ServiceTeamView.class)))
    @APIResponse(responseCode = "404", description = "No such service team")
    public Response getServiceTeam(@PathParam("id") UUID id) {
        ServiceTeamView view = directory.serviceTeam(id);
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/service-teams")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Add a service team", description = "A sector's team serving one township (界别联镇街). Publishes ServiceTeamRecorded.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers are set",
            headers = {@Header(name = "Location", description = "URL of the new service team"), @Header(name = "ETag", description = "Version, for If-Match")},
            content = @Content(schema = @Schema(implementation = ServiceTeamView.class)))
    @APIResponse(responseCode = "422", description = CREATE_422)
    public Response createServiceTeam(@Parameter(description = KEY_DOC) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                      @Valid @NotNull ServiceTeamData request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "directory.service-team:" + caller.get().subject(), request, () -> {
            ServiceTeamView created = directory.createServiceTeam(request, caller.get());
            return Responses.created(uri, created.id(), created.version(), created);
        });
    }

    @PUT
    @Path("/service-teams/{id}")
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Update a service team", description = "Replaces name, sector and township. Needs If-Match. Publishes ServiceTeamRecorded.")
    @APIResponse(responseCode = "200", description = "The changed service team", headers = @Header(name = "ETag", description = "The new version, for the next If-Match"),
            content = @Content(schema = @Schema(implementation = ServiceTeamView.class)))
    @APIResponse(responseCode = "404", description = "No such service team")
    @APIResponse(responseCode = "409", description = "The service team is retired")
    @APIResponse(responseCode = "422", description = CREATE_422)
    public Response updateServiceTeam(@PathParam("id") UUID id,
                                      @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch,
                                      @Valid @NotNull ServiceTeamData request) {
        ServiceTeamView view = directory.updateServiceTeam(id, ifMatch, request, caller.get());
        return Responses.withEtag(view, view.version());
    }

    @POST
    @Path("/service-teams/{id}/retire")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(CPPCC_STAFF)
    @Operation(summary = "Retire a service team (停用)", description = "Kept for the records that name it. Needs If-Match. Publishes ServiceTeamRecorded.")
    @APIResponse(responseCode = "200", description = "The retired service team", headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = ServiceTeamView.class)))
    @APIResponse(responseCode = "404", description = "No such service team")
    @APIResponse(responseCode = "409", description = RETIRE_409)
    public Response retireServiceTeam(@PathParam("id") UUID id,
                                      @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch) {
        ServiceTeamView view = directory.retireServiceTeam(id, ifMatch, caller.get());
        return Responses.withEtag(view, view.version());
    }
}
