package org.onemind.notification.recipient;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.notification.email.NoticeService;
import org.onemind.platform.events.AgencyTopic;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.events.UnprocessableEventException;
import org.onemind.platform.inbox.EventConsumer;

/** Keeps each agency's contacts from agency.events. */
@ApplicationScoped
public class AgencyEventsConsumer extends EventConsumer {

    public AgencyEventsConsumer() {
        super(
                "agency-events",
                AgencyTopic.AGENCY_REGISTERED,
                AgencyTopic.AGENCY_UPDATED,
                AgencyTopic.PLEDGE_TAKEN,
                AgencyTopic.PLEDGE_WITHDRAWN,
                AgencyTopic.COMPLETION_SUBMITTED,
                AgencyTopic.COMPLETION_REVIEWED,
                // applied by the platform (IncomingEvents): tokens of a removed member or a revoked partner are refused
                org.onemind.platform.security.AccessRevocations.EVENT_TYPE);
    }

    @Inject
    RecipientDirectory directory;

    @Inject
    org.onemind.notification.reminder.Deadlines deadlines;

    @Inject
    org.onemind.notification.email.NoticeService notices;

    @Inject
    org.onemind.notification.email.ComplianceEventsConsumer complianceEvents;

    @Incoming("agency-events")
    @Blocking
    public void onAgencyEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    @Override
    public void apply(CloudEvent event) {
        switch (event.type()) {
            case AgencyTopic.AGENCY_REGISTERED, AgencyTopic.AGENCY_UPDATED -> contacts(event);
            case AgencyTopic.PLEDGE_TAKEN -> pledgeTaken(event);
            case AgencyTopic.PLEDGE_WITHDRAWN -> deadlines.pledge(event.uuid("agencyId"), null, null, "WITHDRAWN");
            case AgencyTopic.COMPLETION_SUBMITTED ->
                deadlines.pledge(event.uuid("agencyId"), null, null, "COMPLETION_SUBMITTED");
            case AgencyTopic.COMPLETION_REVIEWED -> completionReviewed(event);
            default -> {
                // not something anyone is told about
            }
        }
    }

    private void pledgeTaken(CloudEvent event) {
        UUID agencyId = event.uuid("agencyId");
        LocalDate target = event.date("targetCompletionOn");
        deadlines.pledge(agencyId, event.date("pledgedOn"), target, "PLEDGED");
        String agencyName = notices.agencyName(agencyId);
        notices.send(
                agencyId,
                NotificationType.PLEDGE_RECEIVED,
                event.id(),
                new NoticeService.Content(
                        agencyName + ": your One Mind pledge is received",
                        List.of("Thank you for taking the One Mind Campaign pledge on " + event.date("pledgedOn") + ". "
                                + agencyName + " has until " + target + " to put these four practices in place:"),
                        List.of(
                                "A sustainable partnership with a mental health organization",
                                "A model policy on responding to persons affected by mental illness",
                                "Mental Health First Aid (or equivalent) for 100% of sworn officers and selected non-sworn staff",
                                "Crisis Intervention Team training for at least 20% of sworn officers"),
                        null));
    }

    private void completionReviewed(CloudEvent event) {
        UUID agencyId = event.uuid("agencyId");
        boolean verified = "VERIFIED".equals(event.text("decision"));
        deadlines.pledge(agencyId, null, null, verified ? "COMPLETED" : "PLEDGED");
        String agencyName = notices.agencyName(agencyId);
        com.fasterxml.jackson.databind.JsonNode reason = event.data().get("reason");
        String why = reason == null || reason.isNull() ? "" : reason.asText();
        if (verified) {
            notices.send(
                    agencyId,
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
                    agencyId,
                    NotificationType.COMPLETION_REJECTED,
                    event.id(),
                    new NoticeService.Content(
                            agencyName + ": your One Mind completion needs another look",
                            List.of(
                                    "The campaign reviewed " + agencyName
                                            + "'s completion and could not verify it yet.",
                                    "The reviewer's reason: " + why),
                            List.of(),
                            null));
        }
    }

    private void contacts(CloudEvent event) {
        JsonNode contacts = event.data().get("contacts");
        if (contacts == null || !contacts.isArray()) {
            throw new UnprocessableEventException("event " + event.id() + " lacks contacts[]");
        }
        List<RecipientDirectory.Recipient> recipients = new ArrayList<>();
        for (JsonNode contact : contacts) {
            JsonNode id = contact.get("contactId");
            JsonNode email = contact.get("email");
            if (id == null || email == null || email.asText().isBlank()) {
                throw new UnprocessableEventException(
                        "event " + event.id() + " has a contact without contactId or email");
            }
            JsonNode name = contact.get("name");
            JsonNode role = contact.get("role");
            recipients.add(new RecipientDirectory.Recipient(
                    UUID.fromString(id.asText()),
                    name == null ? email.asText() : name.asText(),
                    email.asText(),
                    role == null || role.isNull() ? null : role.asText()));
        }
        UUID agencyId = event.uuid("agencyId");
        directory.agency(agencyId, event.text("name"), recipients);
        complianceEvents.agencyKnown(agencyId);
    }
}
