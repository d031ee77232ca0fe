package org.onemind.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An endpoint subscribed to some event types of one agency, of a partner's agencies, or of every agency. */
@Entity
public class WebhookSubscription extends PanacheEntityBase {
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WebhookSubscriptionStatus")
    public enum Status {
        ACTIVE,
        /** Deliveries were given up after the retries; the owner was emailed. New events still go out. */
        FAILING,
        DISABLED
    }

    @Id
    public UUID id;

    public String ownerRole;
    public String ownerName;
    public String ownerPrincipal;
    public UUID agencyId;
    public UUID organizationId;
    public String url;
    /** Comma-separated wire names. */
    public String eventTypes;

    public String description;
    public String contactEmail;
    public String secret;
    public String previousSecret;
    public Instant previousSecretUntil;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Instant failingSince;
    public Instant createdAt;

    @Version
    public int version;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }
}
