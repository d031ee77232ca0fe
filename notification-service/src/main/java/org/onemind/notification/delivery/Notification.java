package org.onemind.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One email to one recipient, and what became of it. */
@Entity
public class Notification extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID agencyId;

    @Enumerated(EnumType.STRING)
    public NotificationType type;

    public String recipient;
    public String subject;
    public String htmlBody;
    public String textBody;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Instant sentAt;
    public Instant createdAt;
    public String eventId;
    public String traceparent;
}
