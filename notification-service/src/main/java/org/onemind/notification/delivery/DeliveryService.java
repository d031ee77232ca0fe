package org.onemind.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.onemind.notification.email.ComplianceEmailWriter;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.tracing.Traces;
import org.onemind.platform.tx.AfterCommit;

/** Records emails to send in the consumer's transaction; the dispatcher sends them after commit. */
@ApplicationScoped
public class DeliveryService {

    @Inject
    EntityManager em;

    @Inject
    AfterCommit afterCommit;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    org.onemind.notification.recipient.RecipientDirectory directory;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(
            UUID agencyId, NotificationType type, String recipient, ComplianceEmailWriter.Email email, String eventId) {
        Instant now = Instant.now();
        // The unique (event, type, recipient) key makes a repeat of the same decision a no-op.
        em.createNativeQuery("insert into notification (id, agency_id, type, recipient, subject, html_body, text_body,"
                        + " status, attempts, next_attempt_at, created_at, event_id, traceparent)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', 0, ?8, ?8, ?9, ?10)"
                        + " on conflict (event_id, type, recipient) do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, agencyId)
                .setParameter(3, type.name())
                .setParameter(4, recipient)
                .setParameter(5, email.subject())
                .setParameter(6, email.html())
                .setParameter(7, email.text())
                .setParameter(8, now)
                .setParameter(9, eventId)
                .setParameter(10, Traces.currentTraceparent())
                .executeUpdate();
        afterCommit.once(DeliveryService.class, dispatcher::nudge);
    }

    /** A failed (or sent) email queued again, sent after commit; 409 while it is still being delivered. */
    /** The delivery log of an agency, newest first; 404 for an agency this service never heard of. */
    public org.onemind.platform.api.ListPage<NotificationResponse> log(UUID agencyId, int page, int size) {
        var found = Notification.<Notification>find(
                "agencyId",
                io.quarkus.panache.common.Sort.descending("createdAt").and("id"),
                agencyId);
        long total = found.count();
        if (total == 0 && directory.agencyName(agencyId).isEmpty()) {
            throw org.onemind.platform.api.AgencyIds.notKnownHere(agencyId);
        }
        return new org.onemind.platform.api.ListPage<>(
                found.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                        .map(NotificationResponse::of)
                        .toList(),
                page,
                size,
                total);
    }

    @Transactional
    public Notification resend(UUID id) {
        Notification notification = Notification.findById(id);
        if (notification == null) {
            throw ApiException.notFound("notification", id);
        }
        if (notification.status == DeliveryStatus.PENDING || notification.status == DeliveryStatus.RETRYING) {
            throw ApiException.conflict("delivery-in-progress", "notification " + id + " is still being delivered");
        }
        notification.status = DeliveryStatus.PENDING;
        notification.attempts = 0;
        notification.nextAttemptAt = Instant.now();
        notification.lastError = null;
        afterCommit.once(DeliveryService.class, dispatcher::nudge);
        return notification;
    }
}
