package org.onemind.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** An email the platform sent or will send, as the API answers it. */
public record NotificationResponse(
        UUID id,
        NotificationType type,
        String recipient,
        String subject,
        DeliveryStatus status,
        int attempts,
        Instant sentAt,
        Instant nextAttemptAt,
        String lastError,
        String eventId,
        Instant createdAt) {
    static NotificationResponse of(Notification n) {
        return new NotificationResponse(
                n.id,
                n.type,
                n.recipient,
                n.subject,
                n.status,
                n.attempts,
                n.sentAt,
                n.status == DeliveryStatus.RETRYING ? n.nextAttemptAt : null,
                n.lastError,
                n.eventId,
                n.createdAt);
    }
}
