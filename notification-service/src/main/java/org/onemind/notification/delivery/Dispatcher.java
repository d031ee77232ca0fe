package org.onemind.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends due emails over SMTP and records the outcome. A failed try is retried with exponential
 * backoff; after the last try the email is FAILED until a campaign admin resends it. Rows are
 * locked while sent, so replicas never send the same email at once. SMTP has no idempotency: a
 * crash after the server accepted an email and before its row commits sends that email once more.
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int BATCH = 50;

    @Inject
    Mailer mailer;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "onemind.notification.max-attempts")
    int maxAttempts;

    @ConfigProperty(name = "onemind.notification.retry-backoff")
    Duration retryBackoff;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "email-dispatcher");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    public void nudge() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    dispatchDue();
                });
            } catch (RejectedExecutionException shuttingDown) {
                queued.set(false);
            }
        }
    }

    @Scheduled(every = "${onemind.notification.dispatch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    /** Sends what is due, batch after batch. @return the number of emails accepted by the SMTP server */
    public int dispatchDue() {
        int sent = 0;
        int tried;
        do {
            int[] outcome = QuarkusTransaction.requiringNew().call(this::dispatchBatch);
            tried = outcome[0];
            sent += outcome[1];
        } while (tried == BATCH);
        return sent;
    }

    private int[] dispatchBatch() {
        List<Notification> due = em.createQuery("from Notification where status in (:pending, :retrying)"
                        + " and nextAttemptAt <= :now order by nextAttemptAt", Notification.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("retrying", DeliveryStatus.RETRYING)
                .setParameter("now", Instant.now())
                .setMaxResults(BATCH)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
        int sent = 0;
        for (Notification notification : due) {
            notification.attempts++;
            try {
                Mail mail = Mail.withHtml(notification.recipient, notification.subject, notification.htmlBody)
                        .setText(notification.textBody)
                        .addHeader("X-OneMind-Notification", notification.id.toString())
                        .addHeader("X-OneMind-Event", notification.eventId);
                if (notification.traceparent != null) {
                    mail.addHeader("traceparent", notification.traceparent);
                }
                mailer.send(mail);
                notification.status = DeliveryStatus.SENT;
                notification.sentAt = Instant.now();
                notification.lastError = null;
                sent++;
            } catch (RuntimeException e) {
                notification.lastError = String.valueOf(e.getMessage());
                if (notification.attempts >= maxAttempts) {
                    notification.status = DeliveryStatus.FAILED;
                    LOG.errorf("giving up on email %s to %s after %d attempts: %s", notification.id,
                            notification.recipient, notification.attempts, e.getMessage());
                } else {
                    notification.status = DeliveryStatus.RETRYING;
                    notification.nextAttemptAt = Instant.now().plus(backoff(notification.attempts));
                    LOG.warnf("email %s to %s failed (attempt %d of %d), retrying at %s: %s", notification.id,
                            notification.recipient, notification.attempts, maxAttempts, notification.nextAttemptAt,
                            e.getMessage());
                }
            }
        }
        return new int[] {due.size(), sent};
    }

    Duration backoff(int attempts) {
        return retryBackoff.multipliedBy(1L << Math.min(attempts - 1, 10));
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }
}
