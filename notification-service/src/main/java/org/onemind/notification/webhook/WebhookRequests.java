package org.onemind.notification.webhook;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WebhookRequests {
    private WebhookRequests() {}

    public record CreateSubscription(
            @Schema(
                    description = "The HTTPS endpoint that receives the messages (http://localhost on the local"
                            + " stack); one that resolves to a private, loopback or link-local address is refused",
                    example = "https://partner.example/one-mind/webhooks")
            @NotBlank
            @Size(max = 2000)
            String url,

            @Schema(
                    description = "The event types to receive (GET /api/v1/webhook-event-types)",
                    example = "[\"compliance.practice-met\", \"pledge.completed\"]")
            @NotNull
            @Size(min = 1, max = 7)
            List<@NotBlank @Size(max = 40) String> eventTypes,

            @Schema(
                    description = "The agency whose events to receive; without it a campaign admin receives every"
                            + " agency's and a partner every partner agency's; an agency manager's is their agency")
            UUID agencyId,

            @Size(max = 300) String description,

            @Schema(description = "Who is emailed when deliveries fail", example = "integrations@partner.example")
            @NotBlank
            @Email
            @Size(max = 320)
            String contactEmail) {}

    public record UpdateSubscription(
            @Size(min = 1, max = 2000) String url,
            @Size(min = 1, max = 7) List<@NotBlank @Size(max = 40) String> eventTypes,
            @Size(max = 300) String description,
            @Email @Size(max = 320) String contactEmail,

            @Schema(description = "false disables the subscription; true makes a disabled or failing one active")
            Boolean active) {}
}
