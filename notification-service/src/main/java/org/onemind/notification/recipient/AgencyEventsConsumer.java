package org.onemind.notification.recipient;

import static org.onemind.platform.contract.AgencyTopic.*;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.notification.email.ComplianceEventsConsumer;
import org.onemind.notification.email.NoticeService;
import org.onemind.notification.reminder.Deadlines;
import org.onemind.platform.contract.PledgeStatus;
import org.onemind.platform.contract.Practice;
import org.onemind.platform.inbox.EventConsumer;
import org.onemind.platform.inbox.Received;

/** Keeps each agency's contacts and pledge dates from agency.events, and tells them about their pledge. */
@ApplicationScoped
public class AgencyEventsConsumer extends EventConsumer {

    public AgencyEventsConsumer() {
        super("agency-events");
        on(AGENCY_REGISTERED, this::contacts);
        on(AGENCY_UPDATED, this::contacts);
        on(PLEDGE_TAKEN, this::pledgeTaken);
        on(PLEDGE_WITHDRAWN, event -> {
            deadlines.pledge(event.data().agencyId(), null, null, PledgeStatus.WITHDRAWN);
            webhooks.pledgeWithdrawn(event);
        });
        on(
                COMPLETION_SUBMITTED,
                event -> deadlines.pledge(event.data().agencyId(), null, null, PledgeStatus.COMPLETION_SUBMITTED));
        on(COMPLETION_REVIEWED, this::completionReviewed);
        on(
                PARTNERSHIP_ESTABLISHED,
                event -> partners.established(
                        event.data().agencyId(), event.data().organizationId()));
        on(
                PARTNERSHIP_ENDED,
                event -> partners.ended(event.data().agencyId(), event.data().organizationId()));
        // A removed manager's or a revoked partner client's webhooks stop with their access.
        refuseRevokedAccess(event -> webhookOwners.revoked(event.data()));
    }

    @Inject
    RecipientDirectory directory;

    @Inject
    Deadlines deadlines;

    @Inject
    NoticeService notices;

    @Inject
    ComplianceEventsConsumer complianceEvents;

    @Inject
    org.onemind.notification.webhook.WebhookEvents webhooks;

    @Inject
    org.onemind.notification.webhook.PartnerAgencies partners;

    @Inject
    org.onemind.notification.webhook.WebhookOwners webhookOwners;

    /** Where the public reaches the API: the badge and credential addresses in emails are on it. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "onemind.openapi.server-url")
    String serverUrl;

    private String publicUrl(String path) {
        return (serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl) + path;
    }

    @Incoming("agency-events")
    @Blocking
    public void onAgencyEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    void pledgeTaken(Received<PledgeTaken> event) {
        PledgeTaken pledge = event.data();
        deadlines.pledge(pledge.agencyId(), pledge.pledgedOn(), pledge.targetCompletionOn(), PledgeStatus.PLEDGED);
        notices.send(
                pledge.agencyId(),
                NotificationType.PLEDGE_RECEIVED,
                event.id(),
                Map.of(
                        "pledgedOn",
                        pledge.pledgedOn(),
                        "targetCompletionOn",
                        pledge.targetCompletionOn(),
                        "badgeUrl",
                        publicUrl("/api/v1/directory/agencies/" + pledge.agencyId() + "/badge.svg")),
                Arrays.stream(Practice.values()).map(Practice::commitment).toList());
        webhooks.pledgeTaken(event);
    }

    void completionReviewed(Received<CompletionReviewed> event) {
        CompletionReviewed review = event.data();
        deadlines.pledge(review.agencyId(), null, null, review.pledgeStatus());
        notices.send(
                review.agencyId(),
                switch (review.decision()) {
                    case VERIFIED -> NotificationType.COMPLETION_VERIFIED;
                    case REJECTED -> NotificationType.COMPLETION_REJECTED;
                    case REVERSED -> NotificationType.COMPLETION_REVERSED;
                },
                event.id(),
                Map.of(
                        "reason",
                        review.reason() == null ? "" : review.reason(),
                        "year",
                        review.reviewedOn() == null ? "" : review.reviewedOn().getYear(),
                        "badgeUrl",
                        publicUrl("/api/v1/directory/agencies/" + review.agencyId() + "/badge.svg"),
                        "credentialUrl",
                        publicUrl("/api/v1/agencies/" + review.agencyId() + "/credential"),
                        "verificationUrl",
                        publicUrl("/api/v1/credentials/verification")),
                List.of());
        webhooks.completionReviewed(event);
    }

    void contacts(Received<AgencyDescribed> event) {
        AgencyDescribed agency = event.data();
        List<RecipientDirectory.Recipient> recipients = agency.contacts().stream()
                .map(contact -> new RecipientDirectory.Recipient(
                        contact.contactId(), contact.name(), contact.email(), contact.role()))
                .toList();
        directory.agency(agency.agencyId(), agency.name(), recipients);
        complianceEvents.agencyKnown(agency.agencyId());
    }
}
