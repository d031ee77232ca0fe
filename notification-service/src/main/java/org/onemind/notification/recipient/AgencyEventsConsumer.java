package org.onemind.notification.recipient;

import static org.onemind.platform.contract.AgencyTopic.*;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.notification.email.ComplianceEventsConsumer;
import org.onemind.notification.email.NoticeService;
import org.onemind.notification.reminder.Deadlines;
import org.onemind.platform.contract.CompletionDecision;
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
        on(PLEDGE_WITHDRAWN, event -> deadlines.pledge(event.data().agencyId(), null, null, PledgeStatus.WITHDRAWN));
        on(
                COMPLETION_SUBMITTED,
                event -> deadlines.pledge(event.data().agencyId(), null, null, PledgeStatus.COMPLETION_SUBMITTED));
        on(COMPLETION_REVIEWED, this::completionReviewed);
        refuseRevokedAccess();
    }

    @Inject
    RecipientDirectory directory;

    @Inject
    Deadlines deadlines;

    @Inject
    NoticeService notices;

    @Inject
    ComplianceEventsConsumer complianceEvents;

    @Incoming("agency-events")
    @Blocking
    public void onAgencyEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    void pledgeTaken(Received<PledgeTaken> event) {
        PledgeTaken pledge = event.data();
        deadlines.pledge(pledge.agencyId(), pledge.pledgedOn(), pledge.targetCompletionOn(), PledgeStatus.PLEDGED);
        String agencyName = notices.agencyName(pledge.agencyId());
        notices.send(
                pledge.agencyId(),
                NotificationType.PLEDGE_RECEIVED,
                event.id(),
                new NoticeService.Content(
                        agencyName + ": your One Mind pledge is received",
                        List.of("Thank you for taking the One Mind Campaign pledge on " + pledge.pledgedOn() + ". "
                                + agencyName + " has until " + pledge.targetCompletionOn()
                                + " to put these four practices in place:"),
                        Arrays.stream(Practice.values())
                                .map(Practice::commitment)
                                .toList(),
                        null));
    }

    void completionReviewed(Received<CompletionReviewed> event) {
        CompletionReviewed review = event.data();
        deadlines.pledge(review.agencyId(), null, null, review.pledgeStatus());
        String agencyName = notices.agencyName(review.agencyId());
        if (review.decision() == CompletionDecision.VERIFIED) {
            notices.send(
                    review.agencyId(),
                    NotificationType.COMPLETION_VERIFIED,
                    event.id(),
                    new NoticeService.Content(
                            "Congratulations, " + agencyName + ": One Mind pledge completed",
                            List.of(
                                    agencyName
                                            + " has completed the One Mind Campaign pledge: all four practices are in place"
                                            + " and verified. Thank you for improving your response to persons affected by mental illness."),
                            List.of(),
                            null));
        } else {
            notices.send(
                    review.agencyId(),
                    NotificationType.COMPLETION_REJECTED,
                    event.id(),
                    new NoticeService.Content(
                            agencyName + ": your One Mind completion needs another look",
                            List.of(
                                    "The campaign reviewed " + agencyName
                                            + "'s completion and could not verify it yet.",
                                    "The reviewer's reason: " + (review.reason() == null ? "" : review.reason())),
                            List.of(),
                            null));
        }
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
