package org.onemind.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "agency_id")
    public UUID agencyId;
    @Enumerated(EnumType.STRING)
    public NotificationType type;
    public String recipient;
    public String subject;
    @Column(name = "html_body")
    public String htmlBody;
    @Column(name = "text_body")
    public String textBody;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "event_id")
    public String eventId;
    public String traceparent;
}
