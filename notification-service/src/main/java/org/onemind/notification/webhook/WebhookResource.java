package org.onemind.notification.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.Paging;
import org.onemind.platform.security.Roles;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
@Tag(
        name = "Webhooks",
        description = "HTTPS endpoints that receive the platform's events as signed Standard Webhooks messages;"
                + " the messages are described under webhooks")
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @GET
    @Path("/webhook-event-types")
    @Operation(operationId = "listWebhookEventTypes", summary = "The event types a subscription can receive")
    public List<WebhookResponses.EventTypeResponse> eventTypes() {
        return Arrays.stream(WebhookEventType.values())
                .map(type -> new WebhookResponses.EventTypeResponse(type.wireName, type.description))
                .toList();
    }

    @POST
    @Path("/webhook-subscriptions")
    @Operation(
            operationId = "createWebhookSubscription",
            summary = "Subscribe an HTTPS endpoint to event types of an agency (or of every agency the caller may"
                    + " see); the answer carries the signing secret, shown only this once")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookResponses.SubscriptionWithSecret.class)),
            headers = @Header(name = "Location", description = "Where the subscription is"))
    @APIResponse(
            responseCode = "422",
            description = "The URL is refused: not https, or resolving to a private, loopback or link-local address")
    public Response create(@Valid @NotNull WebhookRequests.CreateSubscription request, @Context UriInfo uri) {
        WebhookResponses.SubscriptionWithSecret created = webhooks.create(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.subscription().id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("/webhook-subscriptions")
    @Operation(
            operationId = "listWebhookSubscriptions",
            summary = "The subscriptions the caller's side owns (all of them for a campaign admin), newest first")
    public ListPage<WebhookResponses.SubscriptionResponse> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return webhooks.list(page, size);
    }

    @GET
    @Path("/webhook-subscriptions/{subscriptionId}")
    @Operation(operationId = "getWebhookSubscription", summary = "One subscription")
    public WebhookResponses.SubscriptionResponse get(@PathParam("subscriptionId") UUID id) {
        return WebhookResponses.SubscriptionResponse.of(webhooks.visible(id));
    }

    @PATCH
    @Path("/webhook-subscriptions/{subscriptionId}")
    @Operation(
            operationId = "updateWebhookSubscription",
            summary = "Change a subscription's URL, event types, description or contact, or disable or reactivate it")
    public WebhookResponses.SubscriptionResponse update(
            @PathParam("subscriptionId") UUID id, @Valid @NotNull WebhookRequests.UpdateSubscription request) {
        return WebhookResponses.SubscriptionResponse.of(webhooks.update(id, request));
    }

    @DELETE
    @Path("/webhook-subscriptions/{subscriptionId}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "End a subscription and drop its delivery log")
    @APIResponse(responseCode = "204", description = "The subscription is gone")
    public Response delete(@PathParam("subscriptionId") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/webhook-subscriptions/{subscriptionId}/secret-rotation")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "A new signing secret, shown only in this answer; messages are signed with both the new and"
                    + " the old secret for 24 hours, so the receiver can switch without losing any")
    public WebhookResponses.SubscriptionWithSecret rotate(@PathParam("subscriptionId") UUID id) {
        return webhooks.rotateSecret(id);
    }

    @GET
    @Path("/webhook-subscriptions/{subscriptionId}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The delivery log: every message to the subscription and what became of it, newest first")
    public ListPage<WebhookResponses.DeliveryResponse> deliveries(
            @PathParam("subscriptionId") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return webhooks.deliveries(id, page, size);
    }

    @POST
    @Path("/webhook-subscriptions/{subscriptionId}/deliveries/{deliveryId}/replay")
    @Operation(
            operationId = "replayWebhookDelivery",
            summary = "Send a delivered or failed message again, with the same webhook-id")
    @APIResponse(
            responseCode = "202",
            description = "The message is queued",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookResponses.DeliveryResponse.class)))
    @APIResponse(responseCode = "409", description = "The message is still being delivered")
    public Response replay(@PathParam("subscriptionId") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(WebhookResponses.DeliveryResponse.of(webhooks.replay(id, deliveryId)))
                .build();
    }
}
