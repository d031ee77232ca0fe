package org.onemind.notification.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.onemind.platform.tx.NudgedWork;
import org.onemind.platform.tx.OneAtATime;

/**
 * Delivers due webhook messages, one per transaction, each holding only its own row ({@code SKIP
 * LOCKED}), so replicas never send the same message at once and one slow receiver does not hold the
 * others back. A message is signed afresh on every attempt (Standard Webhooks: the same {@code
 * webhook-id}, a new {@code webhook-timestamp}); a 2xx answer delivers it; anything else, or no
 * answer within {@code onemind.webhooks.timeout}, is retried on {@code onemind.webhooks.retry-schedule}
 * (about 27 hours); after the last try the message is FAILED, the subscription FAILING and its owner
 * emailed. A 410 Gone disables the subscription. Delivery is at least once: a crash after the receiver
 * answered and before the row commits sends that message again, with the same id.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    org.onemind.notification.delivery.SendingMetrics metrics;

    @Inject
    EntityManager em;

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookFailures failures;

    @ConfigProperty(name = "onemind.webhooks.retry-schedule")
    List<Duration> retrySchedule;

    @ConfigProperty(name = "onemind.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    @ConfigProperty(name = "onemind.webhooks.dispatch-concurrency", defaultValue = "4")
    int concurrency;

    private HttpClient http;
    private NudgedWork senders;

    @jakarta.annotation.PostConstruct
    void start() {
        http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        senders = new NudgedWork("webhook-sender", concurrency, this::dispatchDue);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        senders.stop();
    }

    public void nudge() {
        senders.nudge();
    }

    @Scheduled(
            every = "${onemind.webhooks.dispatch-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    /** Delivers what is due until nothing is. @return how many were delivered */
    public int dispatchDue() {
        // A failure is the database, most likely: the messages stay due and the next poll takes them.
        return OneAtATime.drain(
                (int) Math.max(30, timeout.toSeconds() * 3),
                this::dispatchOne,
                e -> LOG.warnf("webhook dispatch interrupted, the messages stay due: %s", e.getMessage()));
    }

    private Optional<Boolean> dispatchOne() {
        List<WebhookDelivery> due = em.createQuery(
                        "from WebhookDelivery where status in (" + WebhookDelivery.Status.class.getName()
                                + ".PENDING, " + WebhookDelivery.Status.class.getName() + ".RETRYING)"
                                + " and nextAttemptAt <= :now order by nextAttemptAt",
                        WebhookDelivery.class)
                .setParameter("now", Instant.now())
                .setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        WebhookDelivery delivery = due.get(0);
        WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.subscriptionId);
        delivery.attempts++;
        if (subscription.status == WebhookSubscription.Status.DISABLED) {
            delivery.status = WebhookDelivery.Status.FAILED;
            delivery.lastError = "the subscription is disabled";
            return Optional.of(false);
        }
        Optional<String> refused = targets.refusal(subscription.url);
        if (refused.isPresent()) {
            return Optional.of(failed(delivery, subscription, null, "the endpoint " + refused.get()));
        }
        Instant now = Instant.now();
        long timestamp = now.getEpochSecond();
        String id = delivery.id.toString();
        String signature = WebhookSigner.sign(subscription.secret, id, timestamp, delivery.payload);
        if (subscription.previousSecret != null && now.isBefore(subscription.previousSecretUntil)) {
            // During a rotation both secrets sign: a receiver that has either verifies.
            signature += " " + WebhookSigner.sign(subscription.previousSecret, id, timestamp, delivery.payload);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "OneMind-Webhooks/1.0")
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            return Optional.of(failed(delivery, subscription, null, "no answer within " + timeout.toSeconds() + " s"));
        } catch (IOException e) {
            return Optional.of(failed(delivery, subscription, null, "could not connect: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.attempts--;
            return Optional.of(false);
        }
        delivery.lastStatus = status;
        if (status >= 200 && status < 300) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            metrics.webhook(org.onemind.notification.delivery.SendingMetrics.Outcome.SENT);
            delivery.deliveredAt = Instant.now();
            delivery.lastError = null;
            if (subscription.status == WebhookSubscription.Status.FAILING) {
                subscription.status = WebhookSubscription.Status.ACTIVE;
                subscription.failingSince = null;
            }
            return Optional.of(true);
        }
        if (status == 410) {
            // Standard Webhooks: the receiver says the endpoint is gone for good.
            metrics.webhook(org.onemind.notification.delivery.SendingMetrics.Outcome.FAILED);
            subscription.status = WebhookSubscription.Status.DISABLED;
            delivery.status = WebhookDelivery.Status.FAILED;
            delivery.lastError = "the endpoint answered 410 Gone; the subscription is disabled";
            return Optional.of(false);
        }
        return Optional.of(failed(delivery, subscription, status, "the endpoint answered " + status));
    }

    private boolean failed(WebhookDelivery delivery, WebhookSubscription subscription, Integer status, String error) {
        delivery.lastStatus = status;
        delivery.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (delivery.attempts > retrySchedule.size()) {
            delivery.status = WebhookDelivery.Status.FAILED;
            metrics.webhook(org.onemind.notification.delivery.SendingMetrics.Outcome.FAILED);
            LOG.warnf(
                    "giving up on webhook %s to subscription %s after %d attempts: %s",
                    delivery.id, subscription.id, delivery.attempts, error);
            failures.gaveUp(subscription, delivery);
        } else {
            delivery.status = WebhookDelivery.Status.RETRYING;
            metrics.webhook(org.onemind.notification.delivery.SendingMetrics.Outcome.RETRIED);
            delivery.nextAttemptAt = Instant.now().plus(retrySchedule.get(delivery.attempts - 1));
        }
        return false;
    }
}
