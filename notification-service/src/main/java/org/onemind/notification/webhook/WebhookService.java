package org.onemind.notification.webhook;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onemind.notification.recipient.RecipientDirectory;
import org.onemind.platform.api.AgencyIds;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Caller;
import org.onemind.platform.security.Roles;
import org.onemind.platform.tx.AfterCommit;

/**
 * Webhook subscriptions and their delivery logs, each seen only by its owner's side: campaign admins
 * see all, an agency manager those of their agency, a partner those of its organization; anything
 * else answers 404, as if it did not exist.
 */
@ApplicationScoped
public class WebhookService {

    @Inject
    Caller caller;

    @Inject
    PartnerAgencies partners;

    @Inject
    RecipientDirectory directory;

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookFanOut fanOut;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    AfterCommit afterCommit;

    @ConfigProperty(name = "onemind.webhooks.secret-grace", defaultValue = "PT24H")
    Duration secretGrace;

    @Transactional
    public WebhookResponses.SubscriptionWithSecret create(WebhookRequests.CreateSubscription request) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.ownerName = caller.name();
        subscription.ownerPrincipal = caller.accessPrincipal();
        if (caller.isCampaignAdmin()) {
            subscription.ownerRole = Roles.CAMPAIGN_ADMIN;
            subscription.agencyId = request.agencyId();
            if (request.agencyId() != null
                    && directory.agencyName(request.agencyId()).isEmpty()) {
                throw AgencyIds.notKnownHere(request.agencyId());
            }
        } else if (caller.agencyId().isPresent()) {
            subscription.ownerRole = Roles.AGENCY_MANAGER;
            subscription.agencyId =
                    request.agencyId() == null ? caller.agencyId().get() : request.agencyId();
            caller.requireAgency(subscription.agencyId);
        } else {
            UUID organization = partnerOrganization();
            subscription.ownerRole = Roles.PARTNER;
            subscription.organizationId = organization;
            subscription.agencyId = request.agencyId();
            if (request.agencyId() != null) {
                caller.requireAgency(request.agencyId(), org -> partners.active(request.agencyId(), org));
            }
        }
        subscription.url = checkedUrl(request.url());
        subscription.eventTypes = checkedTypes(request.eventTypes());
        subscription.description = request.description();
        subscription.contactEmail = request.contactEmail();
        subscription.secret = WebhookSigner.newSecret();
        subscription.status = WebhookSubscription.Status.ACTIVE;
        subscription.createdAt = Instant.now();
        subscription.persist();
        fanOut.subscriptionsChanged();
        return new WebhookResponses.SubscriptionWithSecret(
                WebhookResponses.SubscriptionResponse.of(subscription), subscription.secret);
    }

    /** A partner's organization; a partner token that names none opens nothing here. */
    private UUID partnerOrganization() {
        return caller.partnerOrganizationId()
                .orElseThrow(() -> ApiException.unauthorized("the token names no agency and no organization"));
    }

    public ListPage<WebhookResponses.SubscriptionResponse> list(int page, int size) {
        var found = caller.isCampaignAdmin()
                ? WebhookSubscription.<WebhookSubscription>findAll(
                        Sort.descending("createdAt").and("id"))
                : caller.agencyId().isPresent()
                        ? WebhookSubscription.<WebhookSubscription>find(
                                "ownerRole = ?1 and agencyId = ?2",
                                Sort.descending("createdAt").and("id"),
                                Roles.AGENCY_MANAGER,
                                caller.agencyId().get())
                        : WebhookSubscription.<WebhookSubscription>find(
                                "ownerRole = ?1 and organizationId = ?2",
                                Sort.descending("createdAt").and("id"),
                                Roles.PARTNER,
                                partnerOrganization());
        return new ListPage<>(
                found.page(Page.of(page, size)).list().stream()
                        .map(WebhookResponses.SubscriptionResponse::of)
                        .toList(),
                page,
                size,
                found.count());
    }

    /** The subscription, if the caller's side owns it; 404 otherwise. */
    public WebhookSubscription visible(UUID id) {
        WebhookSubscription subscription = WebhookSubscription.findById(id);
        if (subscription == null || !ownedByCaller(subscription)) {
            throw ApiException.notFound("webhook subscription", id);
        }
        return subscription;
    }

    private boolean ownedByCaller(WebhookSubscription subscription) {
        if (caller.isCampaignAdmin()) {
            return true;
        }
        if (Roles.AGENCY_MANAGER.equals(subscription.ownerRole)) {
            return caller.agencyId()
                    .filter(id -> id.equals(subscription.agencyId))
                    .isPresent();
        }
        return Roles.PARTNER.equals(subscription.ownerRole)
                && caller.partnerOrganizationId()
                        .filter(id -> id.equals(subscription.organizationId))
                        .isPresent();
    }

    @Transactional
    public WebhookSubscription update(UUID id, WebhookRequests.UpdateSubscription request) {
        WebhookSubscription subscription = visible(id);
        if (request.url() != null) {
            subscription.url = checkedUrl(request.url());
        }
        if (request.eventTypes() != null) {
            subscription.eventTypes = checkedTypes(request.eventTypes());
        }
        if (request.description() != null) {
            subscription.description = request.description();
        }
        if (request.contactEmail() != null) {
            subscription.contactEmail = request.contactEmail();
        }
        if (request.active() != null) {
            subscription.status =
                    request.active() ? WebhookSubscription.Status.ACTIVE : WebhookSubscription.Status.DISABLED;
            subscription.failingSince = null;
        }
        fanOut.subscriptionsChanged();
        return subscription;
    }

    @Transactional
    public void delete(UUID id) {
        visible(id).delete();
        fanOut.subscriptionsChanged();
    }

    /** A new secret, shown once; the old one keeps signing for {@code onemind.webhooks.secret-grace}. */
    @Transactional
    public WebhookResponses.SubscriptionWithSecret rotateSecret(UUID id) {
        WebhookSubscription subscription = visible(id);
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = Instant.now().plus(secretGrace);
        subscription.secret = WebhookSigner.newSecret();
        return new WebhookResponses.SubscriptionWithSecret(
                WebhookResponses.SubscriptionResponse.of(subscription), subscription.secret);
    }

    public ListPage<WebhookResponses.DeliveryResponse> deliveries(UUID id, int page, int size) {
        visible(id);
        var found = WebhookDelivery.<WebhookDelivery>find(
                "subscriptionId", Sort.descending("createdAt").and("id"), id);
        return new ListPage<>(
                found.page(Page.of(page, size)).list().stream()
                        .map(WebhookResponses.DeliveryResponse::of)
                        .toList(),
                page,
                size,
                found.count());
    }

    /** Sends a message again, with the same webhook-id; 409 while it is still being delivered. */
    @Transactional
    public WebhookDelivery replay(UUID subscriptionId, UUID deliveryId) {
        visible(subscriptionId);
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (delivery == null || !delivery.subscriptionId.equals(subscriptionId)) {
            throw ApiException.notFound("webhook delivery", deliveryId);
        }
        if (delivery.status == WebhookDelivery.Status.PENDING || delivery.status == WebhookDelivery.Status.RETRYING) {
            throw ApiException.conflict(
                    "delivery-in-progress", "webhook delivery " + deliveryId + " is still being delivered");
        }
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = Instant.now();
        delivery.lastError = null;
        afterCommit.once(WebhookService.class, dispatcher::nudge);
        return delivery;
    }

    private String checkedUrl(String url) {
        targets.refusal(url).ifPresent(why -> {
            throw ApiException.unprocessable("webhook-url-refused", "url " + why);
        });
        return url;
    }

    private static String checkedTypes(List<String> requested) {
        Set<String> types = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : requested) {
            if (WebhookEventType.of(name).isPresent()) {
                types.add(name);
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(
                    "eventTypes",
                    "unknown event types " + unknown + "; known: "
                            + java.util.Arrays.stream(WebhookEventType.values())
                                    .map(t -> t.wireName)
                                    .toList());
        }
        return String.join(",", types);
    }
}
