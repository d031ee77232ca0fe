package org.onemind.notification.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.onemind.platform.security.Roles;
import org.onemind.platform.tx.AfterCommit;
import org.onemind.platform.tx.Jdbc;

/**
 * Turns an event of an agency into one webhook message per subscription that may see that agency and
 * asked for that type, in the consumer's transaction (so a redelivered event makes no second message,
 * and the event chain never waits for a receiver). Who may see the agency is decided here, in SQL:
 * a campaign admin's subscription (for that agency or every agency), the agency manager's for their
 * agency, and a partner's for the agencies its organization has an active partnership with.
 */
@ApplicationScoped
public class WebhookFanOut {
    /** The application's mapper: ISO dates, as in the API's own answers. */
    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    AfterCommit afterCommit;

    @Inject
    WebhookDispatcher dispatcher;

    /**
     * The types some subscription wants, refreshed every few seconds (and at once on this replica when
     * a subscription changes): the training consumer passes over certifications no one subscribed to
     * without a transaction. A subscription made on another replica sees them within the refresh.
     */
    private volatile Set<WebhookEventType> wanted = EnumSet.allOf(WebhookEventType.class);

    public boolean wanted(WebhookEventType type) {
        return wanted.contains(type);
    }

    @Scheduled(every = "${onemind.webhooks.subscriptions-refresh:10s}")
    @Transactional
    void refreshWanted() {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Jdbc.query(
                        em,
                        "select distinct event_types from webhook_subscription where status <> 'DISABLED'",
                        row -> row.getString(1))
                .forEach(list -> {
                    for (String name : list.split(",")) {
                        WebhookEventType.of(name).ifPresent(types::add);
                    }
                });
        wanted = types;
    }

    /** A subscription changed: the next events are checked against it at once. */
    void subscriptionsChanged() {
        wanted = EnumSet.allOf(WebhookEventType.class);
    }

    /**
     * Queues the message {@code {"type", "timestamp", "data"}} to every subscription that may see
     * {@code agencyId} and wants {@code type}.
     *
     * @param messageKey what makes the message unique for a subscription (the event id, and the practice
     *     where one event makes several messages)
     * @return how many subscriptions it was queued for
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publish(
            WebhookEventType type, UUID agencyId, String messageKey, Instant happenedAt, Map<String, Object> data) {
        ObjectNode message = json.createObjectNode().put("type", type.wireName).put("timestamp", happenedAt.toString());
        message.set("data", json.valueToTree(data));
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload is plain data", e);
        }
        int queued = Jdbc.update(
                em,
                "insert into webhook_delivery (id, subscription_id, message_key, event_type, agency_id, payload, status,"
                        + " attempts, next_attempt_at, created_at)"
                        + " select gen_random_uuid(), s.id, ?, ?, ?, ?, 'PENDING', 0, now(), now()"
                        + " from webhook_subscription s"
                        + " where s.status <> 'DISABLED'"
                        + " and (',' || s.event_types || ',') like ?"
                        + " and ((s.owner_role = '" + Roles.CAMPAIGN_ADMIN
                        + "' and (s.agency_id is null or s.agency_id = ?))"
                        + "   or (s.owner_role = '" + Roles.AGENCY_MANAGER + "' and s.agency_id = ?)"
                        + "   or (s.owner_role = '" + Roles.PARTNER + "' and (s.agency_id is null or s.agency_id = ?)"
                        + "       and exists (select 1 from partner_agency p"
                        + "                   where p.agency_id = ? and p.organization_id = s.organization_id)))"
                        + " on conflict (subscription_id, message_key) do nothing",
                messageKey,
                type.wireName,
                agencyId,
                payload,
                "%," + type.wireName + ",%",
                agencyId,
                agencyId,
                agencyId,
                agencyId);
        if (queued > 0) {
            afterCommit.once(WebhookFanOut.class, dispatcher::nudge);
        }
        return queued;
    }
}
