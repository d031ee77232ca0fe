package org.onemind.notification.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.onemind.notification.delivery.Deliveries;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.notification.recipient.RecipientDirectory;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.inbox.IncomingEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decides which emails a compliance change deserves: practices that became met, practices that
 * became unmet (with why), and eligibility to submit completion. Each kind is one email per
 * contact, listing every practice of that kind the event changed.
 */
@ApplicationScoped
public class ComplianceEventsConsumer {
    static final String CONSUMER = "notification-service/compliance-events";
    private static final Logger LOG = Logger.getLogger(ComplianceEventsConsumer.class);

    @Inject
    IncomingEvents incoming;

    @Inject
    RecipientDirectory directory;

    @Inject
    ComplianceEmails emails;

    @Inject
    Deliveries deliveries;

    @Incoming("compliance-events")
    @Blocking
    @Transactional
    public void onComplianceEvent(ConsumerRecord<String, String> record) {
        incoming.apply(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        if (!event.type().equals("onemind.compliance.compliance-evaluated.v1")) {
            return;
        }
        UUID agencyId = event.uuid("agencyId");
        List<String> becameMet = new ArrayList<>();
        List<String> becameUnmet = new ArrayList<>();
        for (JsonNode change : event.data().path("changes")) {
            ("MET".equals(change.path("to").asText()) ? becameMet : becameUnmet).add(change.path("practice").asText());
        }
        boolean becameEligible = event.data().path("eligibleChanged").asBoolean() && event.data().path("eligible").asBoolean();

        List<RecipientDirectory.Recipient> recipients = directory.recipients(agencyId);
        if (recipients.isEmpty()) {
            LOG.warnf("no contacts known for agency %s; nobody to tell about event %s", agencyId, event.id());
            return;
        }
        String agencyName = directory.agencyName(agencyId).orElse("Your agency");
        for (RecipientDirectory.Recipient recipient : recipients) {
            if (!becameMet.isEmpty()) {
                enqueue(event, agencyId, NotificationType.PRACTICE_MET, agencyName, recipient, becameMet);
            }
            if (!becameUnmet.isEmpty()) {
                enqueue(event, agencyId, NotificationType.PRACTICE_UNMET, agencyName, recipient, becameUnmet);
            }
            if (becameEligible) {
                enqueue(event, agencyId, NotificationType.ELIGIBLE_FOR_COMPLETION, agencyName, recipient, List.of());
            }
        }
    }

    private void enqueue(CloudEvent event, UUID agencyId, NotificationType type, String agencyName,
                         RecipientDirectory.Recipient recipient, List<String> practices) {
        ComplianceEmails.Email email = emails.compose(type, agencyName, recipient.name(), practices, event.data(), agencyId);
        deliveries.enqueue(agencyId, type, recipient.email(), email, event.id());
    }
}
