package org.shangliang.topics.rest;

import static org.shangliang.commons.security.Roles.INTEGRATION;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.shangliang.topics.api.Webhooks.DeliveryView;
import org.shangliang.topics.api.Webhooks.EventTypeView;
import org.shangliang.topics.api.Webhooks.ReplayResult;
import org.shangliang.topics.api.Webhooks.SubscriptionRequest;
import org.shangliang.topics.api.Webhooks.SubscriptionView;
import org.shangliang.topics.api.Webhooks.SubscriptionWithSecret;
import org.shangliang.topics.domain.DeliveryStatus;
import org.shangliang.topics.service.WebhookService;

/** 事件推送: township systems and other integrations subscribe to the platform's events. */
@RateLimited
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(INTEGRATION)
@Tag(name = "Webhooks", description = "事件推送 — signed CloudEvents POSTed to an integration's callback URL. "
        + "Each delivery carries `webhook-id` (the event id: apply each once), `webhook-timestamp` (Unix seconds) and "
        + "`webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body with the secret>` (Standard Webhooks); "
        + "docs/webhooks.md shows how to verify it.")
public class WebhookResource {

    private static final String IF_MATCH_DOC = "ETag of the subscription version you read";

    @Inject WebhookService webhooks;
    @Inject CurrentCaller caller;
    @Context UriInfo uri;

    @GET
    @Path("/event-types")
    @Operation(summary = "Event types a webhook can receive", description = "Every CloudEvents type of topics, sessions and follow-up, "
            + "with the service that publishes it; the payloads are described in the platform's event contracts (`contracts/`).")
    @APIResponse(responseCode = "200", description = "The types")
    public List<EventTypeView> listWebhookEventTypes() {
        return webhooks.eventTypes();
    }

    @POST
    @Operation(summary = "Subscribe to events", description = "An integration client subscribes a callback URL to event types of its "
            + "territory (or a territory below it). The answer carries the signing secret, shown this once. Deliveries start with "
            + "events that happen from now on. The URL must be https and reach the internet: loopback, link-local and private "
            + "addresses are refused unless the operator allowed them.")
    @APIResponse(responseCode = "201", description = "The subscription and its secret")
    @APIResponse(responseCode = "403", description = "The territory is outside the caller's")
    @APIResponse(responseCode = "422", description = "The callback URL cannot be used (not https, an internal address, does not resolve), "
            + "an event type that cannot be subscribed to, or a territory not in the directory; the field names it")
    public Response createWebhook(@Valid @NotNull SubscriptionRequest request) {
        SubscriptionWithSecret created = webhooks.create(request, caller.get());
        return Responses.created(uri, created.subscription().id(), created.subscription().version(), created);
    }

    @GET
    @Operation(summary = "List one's subscriptions", description = "The caller's own subscriptions, newest first, keyset-paginated, "
            + "each with its deliveries per status.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions")
    public PageView<SubscriptionView> listWebhooks(
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return webhooks.list(cursor, limit, caller.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a subscription", description = "Without its secret. The ETag carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public Response getWebhook(@PathParam("id") UUID id) {
        SubscriptionView s = webhooks.get(id, caller.get());
        return Responses.withEtag(s, s.version());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a subscription", description = "Replaces its callback URL, event types, territory, note and whether it "
            + "is active (false pauses it: events that happen while paused are not queued). Queued deliveries go to the new URL.")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "403", description = "The territory is outside the caller's")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    @APIResponse(responseCode = "422", description = "As for a new subscription; the field names what is wrong")
    public Response updateWebhook(@PathParam("id") UUID id,
                                  @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch,
                                  @Valid @NotNull SubscriptionRequest request) {
        SubscriptionView s = webhooks.update(id, request, ifMatch, caller.get());
        return Responses.withEtag(s, s.version());
    }

    @POST
    @Path("/{id}/secret")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Rotate the signing secret", description = "A new secret signs every attempt from now on (including retries of "
            + "queued deliveries); the old one stops at once, so deploy the new one to the receiver first if it can accept both.")
    @APIResponse(responseCode = "200", description = "The subscription and its new secret, shown this once")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    public Response rotateWebhookSecret(@PathParam("id") UUID id,
                                        @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") String ifMatch) {
        SubscriptionWithSecret s = webhooks.rotateSecret(id, ifMatch, caller.get());
        return Responses.withEtag(s, s.subscription().version());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription", description = "With its delivery log; nothing more is sent, queued deliveries included.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public void deleteWebhook(@PathParam("id") UUID id) {
        webhooks.delete(id, caller.get());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "A subscription's delivery log", description = "Every event queued for it, newest first: its status, attempts, "
            + "the receiver's last answer and when, the next attempt or why it was parked. Keyset-paginated.")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public PageView<DeliveryView> listWebhookDeliveries(
            @PathParam("id") UUID id,
            @Parameter(description = "Only deliveries in this status") @QueryParam("status") DeliveryStatus status,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return webhooks.log(id, status, cursor, limit, caller.get());
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}/body")
    @Produces("application/cloudevents+json")
    @Operation(summary = "What a delivery sends", description = "The CloudEvent exactly as POSTed (and signed), for checking what a receiver got.")
    @APIResponse(responseCode = "200", description = "The CloudEvent, structured JSON")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's, or no such delivery of it")
    public String getWebhookDeliveryBody(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return webhooks.body(id, deliveryId, caller.get());
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Send a delivery again", description = "A parked or delivered event is queued again, with a fresh retry period; "
            + "it carries the same webhook-id, so a receiver that applied it already can tell.")
    @APIResponse(responseCode = "200", description = "The delivery, PENDING")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's, or no such delivery of it")
    @APIResponse(responseCode = "409", description = "Already queued; the message names what is allowed")
    public DeliveryView replayWebhookDelivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return webhooks.replay(id, deliveryId, caller.get());
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Send every parked delivery again", description = "After the receiver is mended: its parked deliveries (up to 1000 "
            + "a call; call again while `replayed` is 1000) are queued again, oldest first.")
    @APIResponse(responseCode = "200", description = "How many were queued")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public ReplayResult replayParkedWebhookDeliveries(@PathParam("id") UUID id) {
        return webhooks.replayParked(id, caller.get());
    }
}
