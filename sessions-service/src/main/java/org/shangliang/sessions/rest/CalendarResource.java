package org.shangliang.sessions.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.RateLimited;
import org.shangliang.commons.problem.Problem;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.commons.security.Territories;
import org.shangliang.sessions.api.SessionViews.FeedTokenView;
import org.shangliang.sessions.service.CalendarService;

@RateLimited
@Path("/api/v1/calendar")
@Tag(name = "Calendar", description = "日程订阅 — iCalendar feeds of sessions for calendar apps")
public class CalendarResource {

    static final String ICS = "text/calendar";

    @Inject CalendarService calendar;
    @Inject CurrentCaller caller;

    @GET
    @Path("/public.ics")
    @PermitAll
    @SecurityRequirements // calendar apps send no token
    @Produces(ICS)
    @Operation(summary = "Public calendar feed", description = "Public sessions (of a territory, or the whole county) as iCalendar, no token needed. "
            + "A session is one event whose UID never changes; SEQUENCE rises with every change, STATUS is TENTATIVE while postponed and CANCELLED when cancelled.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = ICS, schema = @Schema(type = SchemaType.STRING)))
    public Response getPublicCalendar(@Parameter(description = "Only sessions inside this territory", example = "330421003")
                                      @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory) {
        return Response.ok(calendar.publicFeed(territory), ICS + ";charset=UTF-8").build();
    }

    @GET
    @Path("/feeds/{token}.ics")
    @PermitAll
    @SecurityRequirements // the token in the link is the credential
    @Produces(ICS)
    @Operation(summary = "Personal calendar feed", description = "The sessions a person is invited to, internal ones included, by the token of their feed link "
            + "(`POST /calendar/feed-token`). A replaced token is a 404.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = ICS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No feed with this token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getPersonalCalendar(@PathParam("token") @Pattern(regexp = "[A-Za-z0-9_-]{16,64}", message = "is not a feed token") String token) {
        return Response.ok(calendar.personalFeed(token), ICS + ";charset=UTF-8").build();
    }

    @POST
    @Path("/feed-token")
    @Authenticated
    @Consumes(MediaType.WILDCARD) // no body
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a new personal feed link", description = "Creates or replaces the caller's feed token: subscribe to the returned `url`. The previous link stops working.")
    @APIResponse(responseCode = "200", description = "The new token and link", content = @Content(schema = @Schema(implementation = FeedTokenView.class)))
    public FeedTokenView rotateFeedToken() {
        return calendar.rotate(caller.get());
    }
}
