package org.onemind.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WebhookResponses {
    private WebhookResponses() {}

    public record SubscriptionResponse(
            UUID id,
            String url,
            List<String> eventTypes,

            @Schema(description = "The agency it receives events of; null for every agency the owner may see")
            UUID agencyId,

            UUID organizationId,
            String description,
            String contactEmail,
            WebhookSubscription.Status status,
            Instant failingSince,

            @Schema(description = "Until when the secret before the last rotation still signs")
            Instant previousSecretValidUntil,

            Instant createdAt) {

        static SubscriptionResponse of(WebhookSubscription s) {
            return new SubscriptionResponse(
                    s.id,
                    s.url,
                    s.eventTypeList(),
                    s.agencyId,
                    s.organizationId,
                    s.description,
                    s.contactEmail,
                    s.status,
                    s.failingSince,
                    s.previousSecret == null ? null : s.previousSecretUntil,
                    s.createdAt);
        }
    }

    @Schema(description = "A subscription and its signing secret, which is shown only here")
    public record SubscriptionWithSecret(
            SubscriptionResponse subscription,

            @Schema(
                    description = "The Standard Webhooks signing secret (whsec_ and base64): verify each message's"
                            + " webhook-signature with it. It is not shown again; rotate it to get a new one.",
                    example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret) {}

    public record DeliveryResponse(
            @Schema(description = "The message's webhook-id: the same on every retry and replay")
            UUID id,

            String eventType,
            UUID agencyId,
            WebhookDelivery.Status status,
            int attempts,
            Instant nextAttemptAt,

            @Schema(description = "The HTTP status of the last answer, if there was one")
            Integer lastStatus,

            String lastError,
            Instant createdAt,
            Instant deliveredAt,

            @Schema(description = "The message body as sent (JSON)")
            String payload) {

        static DeliveryResponse of(WebhookDelivery d) {
            return new DeliveryResponse(
                    d.id,
                    d.eventType,
                    d.agencyId,
                    d.status,
                    d.attempts,
                    d.status == WebhookDelivery.Status.DELIVERED || d.status == WebhookDelivery.Status.FAILED
                            ? null
                            : d.nextAttemptAt,
                    d.lastStatus,
                    d.lastError,
                    d.createdAt,
                    d.deliveredAt,
                    d.payload);
        }
    }

    public record EventTypeResponse(String name, String description) {}
}
