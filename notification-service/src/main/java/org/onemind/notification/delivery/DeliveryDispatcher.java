package org.onemind.notification.delivery;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.onemind.platform.inbox.IncomingEvents;
import org.onemind.platform.logging.Redaction;
import org.onemind.platform.tracing.EventSpans;
import org.onemind.platform.tracing.Traces;
import org.onemind.platform.tx.NudgedWork;
import org.onemind.platform.tx.OneAtATime;

/**
 * Sends due emails over SMTP and records each outcome in its own transaction: a crash or a failed
 * commit affects at most the email being sent, never a batch. A failed or timed-out try is retried
 * with exponential backoff; after the last try the email is FAILED until a campaign admin resends
 * it. Several senders work at once ({@code onemind.notification.dispatch-concurrency}), each
 * holding only the row of the email it sends ({@code SKIP LOCKED}), so one slow email does not hold
 * the others back and replicas never send the same email at once. Each send is bounded by
 * {@code onemind.notification.send-timeout}: a hung SMTP server makes the email RETRYING, then
 * FAILED. SMTP has no idempotency: a crash after the server accepted an email and before its row
 * commits sends that one email once more.
 */
@ApplicationScoped
public class DeliveryDispatcher {
    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    @Inject
    EventSpans spans;

    @Inject
    SendingMetrics metrics;

    @Inject
    ReactiveMailer mailer;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "onemind.notification.max-attempts")
    int maxAttempts;

    @ConfigProperty(name = "onemind.notification.retry-backoff")
    Duration retryBackoff;

    @ConfigProperty(name = "onemind.notification.send-timeout", defaultValue = "PT15S")
    Duration sendTimeout;

    @ConfigProperty(name = "onemind.notification.dispatch-concurrency", defaultValue = "4")
    int concurrency;

    private NudgedWork senders;

    @jakarta.annotation.PostConstruct
    void start() {
        senders = new NudgedWork("email-sender", concurrency, this::dispatchDue);
    }

    /** Asks every sender to work through what is due; nudges while they are all busy collapse. */
    public void nudge() {
        senders.nudge();
    }

    @Scheduled(
            every = "${onemind.notification.dispatch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    /** Sends what is due, one email per transaction, until nothing is due. @return the number accepted by the SMTP server */
    public int dispatchDue() {
        // A failure is the database, most likely: the emails stay due and the next poll takes them.
        return OneAtATime.drain(
                transactionTimeoutSeconds(),
                this::dispatchOne,
                e -> LOG.warnf("email dispatch interrupted, the emails stay due: %s", e.getMessage()));
    }

    private int transactionTimeoutSeconds() {
        return (int) Math.max(30, sendTimeout.toSeconds() * 2 + 10);
    }

    /** @return empty when nothing is due, else whether the email was accepted */
    private Optional<Boolean> dispatchOne() {
        // The statuses as literals, not parameters: only then can PostgreSQL use the partial index of due
        // emails (notification_due) in a generic plan instead of scanning every email ever sent.
        List<Notification> due = em.createQuery(
                        "from Notification where status in ("
                                + DeliveryStatus.class.getName() + ".PENDING, " + DeliveryStatus.class.getName()
                                + ".RETRYING)"
                                + " and nextAttemptAt <= :now order by nextAttemptAt",
                        Notification.class)
                .setParameter("now", Instant.now())
                .setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Notification notification = due.get(0);
        notification.attempts++;
        // The email continues the trace of the event that caused it; its header names this span, and
        // what is logged about it carries the span and the agency.
        Span span = spans.send("smtp send", notification.traceparent, String.valueOf(notification.agencyId));
        try (Scope scope = span.makeCurrent()) {
            MDC.put(IncomingEvents.AGENCY_ID, String.valueOf(notification.agencyId));
            return Optional.of(attempt(notification, span));
        } finally {
            MDC.remove(IncomingEvents.AGENCY_ID);
            span.end();
        }
    }

    /** @return whether the SMTP server accepted the email */
    private boolean attempt(Notification notification, Span span) {
        try {
            Mail mail = Mail.withHtml(notification.recipient, notification.subject, notification.htmlBody)
                    .setText(notification.textBody)
                    .addHeader("X-OneMind-Notification", notification.id.toString())
                    .addHeader("X-OneMind-Event", notification.eventId)
                    .addHeader(Traces.TRACEPARENT, Traces.traceparentOf(span.getSpanContext()));
            mailer.send(mail).await().atMost(sendTimeout);
            notification.status = DeliveryStatus.SENT;
            notification.sentAt = Instant.now();
            metrics.email(SendingMetrics.Outcome.SENT, notification.createdAt);
            notification.lastError = null;
            return true;
        } catch (RuntimeException e) {
            EventSpans.failed(span, e);
            String error = failureOf(e, sendTimeout);
            notification.lastError = error;
            if (notification.attempts >= maxAttempts) {
                notification.status = DeliveryStatus.FAILED;
                metrics.email(SendingMetrics.Outcome.FAILED, null);
                // The address stays in the delivery log (the API), not in the service's log.
                LOG.errorf(
                        "giving up on email %s (%s) after %d attempts: %s",
                        notification.id, notification.type, notification.attempts, Redaction.forLog(error));
            } else {
                notification.status = DeliveryStatus.RETRYING;
                metrics.email(SendingMetrics.Outcome.RETRIED, null);
                notification.nextAttemptAt = Instant.now().plus(backoff(notification.attempts));
                LOG.warnf(
                        "email %s (%s) failed (attempt %d of %d), retrying at %s: %s",
                        notification.id,
                        notification.type,
                        notification.attempts,
                        maxAttempts,
                        notification.nextAttemptAt,
                        Redaction.forLog(error));
            }
            return false;
        }
    }

    /**
     * Why an email was not sent, in words a campaign admin reads in the delivery log: never a Java
     * class name (Netty and Vert.x put theirs in their messages).
     */
    static String failureOf(RuntimeException failure, Duration sendTimeout) {
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            return "the SMTP server did not answer within " + sendTimeout.toSeconds() + " s";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.ConnectException) {
            return "the SMTP server could not be reached (connection refused)";
        }
        String message = root.getMessage() == null || root.getMessage().isBlank()
                ? "the SMTP server did not take the email"
                : root.getMessage();
        message = CLASS_NAME_PREFIX.matcher(message).replaceAll("").strip();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    /** {@code io.netty.channel.AbstractChannel$AnnotatedConnectException: } and the like. */
    private static final java.util.regex.Pattern CLASS_NAME_PREFIX =
            java.util.regex.Pattern.compile("\\b(?:[a-z_][\\w]*\\.)+[A-Z][\\w$]*:\\s*");

    Duration backoff(int attempts) {
        return retryBackoff.multipliedBy(1L << Math.min(attempts - 1, 10));
    }

    void onStop(@Observes ShutdownEvent event) {
        senders.stop();
    }
}
