package org.onemind.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.notification.email.NoticeService;

/** A message given up: the subscription is marked failing and its owner emailed, once per failing spell. */
@ApplicationScoped
public class WebhookFailures {

    @Inject
    NoticeService notices;

    void gaveUp(WebhookSubscription subscription, WebhookDelivery delivery) {
        if (subscription.status == WebhookSubscription.Status.FAILING) {
            return;
        }
        subscription.status = WebhookSubscription.Status.FAILING;
        subscription.failingSince = Instant.now();
        notices.sendTo(
                subscription.agencyId,
                NotificationType.WEBHOOK_FAILING,
                "webhook-failing:" + subscription.id + ":" + subscription.failingSince.toEpochMilli(),
                subscription.ownerName,
                subscription.contactEmail,
                Map.of(
                        "url", subscription.url,
                        "eventType", delivery.eventType,
                        "subscriptionId", subscription.id,
                        "lastError", delivery.lastError == null ? "none" : delivery.lastError),
                List.of());
    }
}
