package org.onemind.notification.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.onemind.notification.delivery.DeliveryService;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.notification.recipient.RecipientDirectory;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.events.ComplianceTopic;
import org.onemind.platform.inbox.EventConsumer;

/**
 * Decides which emails a compliance change deserves: practices that became met, practices that
 * became unmet (with why), and eligibility to submit completion. Each kind is one email per
 * contact, listing every practice of that kind the event changed.
 */
@ApplicationScoped
public class ComplianceEventsConsumer extends EventConsumer {

    public ComplianceEventsConsumer() {
        super("compliance-events", ComplianceTopic.COMPLIANCE_EVALUATED, ComplianceTopic.CERTIFICATIONS_EXPIRING);
    }

    private static final Logger LOG = Logger.getLogger(ComplianceEventsConsumer.class);

    @Inject
    RecipientDirectory directory;

    @Inject
    ComplianceEmailWriter emails;

    @Inject
    DeliveryService deliveries;

    @Inject
    NoticeService notices;

    @Inject
    org.onemind.notification.reminder.Deadlines deadlines;

    @Inject
    EventsAwaitingAgency awaitingAgency;

    @Incoming("compliance-events")
    @Blocking
    public void onComplianceEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    /**
     * Most evaluations only move a count: no practice became met or unmet and eligibility stayed, so
     * no email is due and the reminders' row (eligibility, unmet practices) stays as it is.
     */
    @Override
    public boolean needs(CloudEvent event) {
        return !event.type().equals(ComplianceTopic.COMPLIANCE_EVALUATED)
                || !event.data().path("changes").isEmpty()
                || event.data().path("eligibleChanged").asBoolean();
    }

    @Override
    public void apply(CloudEvent event) {
        boolean expiring = event.type().equals(ComplianceTopic.CERTIFICATIONS_EXPIRING);
        if (!expiring && !event.type().equals(ComplianceTopic.COMPLIANCE_EVALUATED)) {
            return;
        }
        UUID agencyId = event.uuid("agencyId");
        Optional<String> agencyName = directory.agencyName(agencyId);
        if (agencyName.isEmpty()) {
            awaitingAgency.lock(agencyId);
            agencyName = directory.agencyName(agencyId);
            if (agencyName.isEmpty()) {
                awaitingAgency.park(agencyId, event);
                return;
            }
        }
        if (expiring) {
            expiring(event, agencyId, agencyName.get());
        } else {
            evaluated(event, agencyId, agencyName.get());
        }
    }

    private void evaluated(CloudEvent event, UUID agencyId, String agencyName) {
        List<String> becameMet = new ArrayList<>();
        List<String> becameUnmet = new ArrayList<>();
        for (JsonNode change : event.data().path("changes")) {
            ("MET".equals(change.path("to").asText()) ? becameMet : becameUnmet)
                    .add(change.path("practice").asText());
        }
        boolean becameEligible = event.data().path("eligibleChanged").asBoolean()
                && event.data().path("eligible").asBoolean();

        deadlines.compliance(agencyId, event.data());
        if (!becameMet.isEmpty()) {
            enqueue(event, agencyId, NotificationType.PRACTICE_MET, agencyName, becameMet);
        }
        if (!becameUnmet.isEmpty()) {
            enqueue(event, agencyId, NotificationType.PRACTICE_UNMET, agencyName, becameUnmet);
        }
        if (becameEligible) {
            enqueue(event, agencyId, NotificationType.ELIGIBLE_FOR_COMPLETION, agencyName, List.of());
        }
    }

    /** The agency's contacts are known now: what was said about it before is told now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void agencyKnown(UUID agencyId) {
        awaitingAgency.release(agencyId, this::apply);
    }

    /** certifications-expiring: the practice, how many, from when, and the day it would be unmet. */
    private void expiring(CloudEvent event, UUID agencyId, String agencyName) {
        String practice = event.text("practice");
        String label = ComplianceEmailWriter.line(
                        practice, com.fasterxml.jackson.databind.node.MissingNode.getInstance())
                .label();
        notices.send(
                agencyId,
                NotificationType.CERTIFICATIONS_EXPIRING,
                event.id(),
                new NoticeService.Content(
                        agencyName + ": " + label + " certifications are about to expire",
                        List.of(
                                event.text("count") + " " + label + " certification(s) of " + agencyName
                                        + " expire from "
                                        + event.text("earliestExpiry") + ". Unless they are renewed, the " + label
                                        + " practice will no longer be met on " + event.text("wouldBecomeUnmetOn")
                                        + ".",
                                "The campaign recommends a refresher course before the certifications expire."),
                        List.of(),
                        null));
    }

    private void enqueue(
            CloudEvent event, UUID agencyId, NotificationType type, String agencyName, List<String> practices) {
        for (RecipientDirectory.Recipient recipient : directory.recipients(agencyId, type)) {
            ComplianceEmailWriter.Email email =
                    emails.compose(type, agencyName, recipient.name(), practices, event.data(), agencyId);
            deliveries.enqueue(agencyId, type, recipient.email(), email, event.id());
        }
    }
}
