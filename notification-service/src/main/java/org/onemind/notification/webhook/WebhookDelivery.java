package org.onemind.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One message to one subscription: its {@code webhook-id} is this id, the same on every retry and replay. */
@Entity
public class WebhookDelivery extends PanacheEntityBase {
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WebhookDeliveryStatus")
    public enum Status {
        PENDING,
        RETRYING,
        DELIVERED,
        FAILED
    }

    @Id
    public UUID id;

    public UUID subscriptionId;
    public String messageKey;
    public String eventType;
    public UUID agencyId;
    public String payload;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;
    public Instant nextAttemptAt;
    public Integer lastStatus;
    public String lastError;
    public Instant createdAt;
    public Instant deliveredAt;
}
