package org.onemind.notification.email;

import static org.onemind.platform.contract.ComplianceTopic.*;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.onemind.notification.delivery.DeliveryService;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.notification.recipient.RecipientDirectory;
import org.onemind.platform.contract.Practice;
import org.onemind.platform.inbox.EventConsumer;
import org.onemind.platform.inbox.Received;

/**
 * Decides which emails a compliance change deserves: practices that became met, practices that
 * became unmet (with why), and eligibility to submit completion. Each kind is one email per
 * contact, listing every practice of that kind the event changed.
 */
@ApplicationScoped
public class ComplianceEventsConsumer extends EventConsumer {

    public ComplianceEventsConsumer() {
        super("compliance-events");
        // Most evaluations only move a count: no email is due and the reminders' row stays as it is.
        on(
                COMPLIANCE_EVALUATED,
                ComplianceEvaluated::changedStanding,
                event -> told(event, event.data().agencyId()));
        on(CERTIFICATIONS_EXPIRING, event -> told(event, event.data().agencyId()));
        on(FORECAST_AT_RISK, event -> told(event, event.data().agencyId()));
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

    @Inject
    org.onemind.notification.webhook.WebhookEvents webhooks;

    @Incoming("compliance-events")
    @Blocking
    public void onComplianceEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    /** Tells the agency's contacts, or keeps the event until agency-service has said who they are. */
    private void told(Received<?> event, UUID agencyId) {
        Optional<String> agencyName = directory.agencyName(agencyId);
        if (agencyName.isEmpty()) {
            awaitingAgency.lock(agencyId);
            agencyName = directory.agencyName(agencyId);
            if (agencyName.isEmpty()) {
                awaitingAgency.park(agencyId, event);
                return;
            }
        }
        if (event.data() instanceof CertificationsExpiring expiring) {
            expiring(event.id(), expiring);
        } else if (event.data() instanceof ForecastAtRisk atRisk) {
            atRisk(event.id(), atRisk);
        } else {
            evaluated(event.id(), (ComplianceEvaluated) event.data(), agencyName.get());
            @SuppressWarnings("unchecked")
            Received<ComplianceEvaluated> evaluation = (Received<ComplianceEvaluated>) event;
            webhooks.evaluated(evaluation, agencyName.get());
        }
    }

    private void evaluated(String eventId, ComplianceEvaluated evaluation, String agencyName) {
        List<Practice> becameMet = new ArrayList<>();
        List<Practice> becameUnmet = new ArrayList<>();
        for (Change change : evaluation.changes()) {
            (change.to() == Standing.MET ? becameMet : becameUnmet).add(change.practice());
        }
        deadlines.compliance(evaluation);
        if (!becameMet.isEmpty()) {
            enqueue(eventId, evaluation, NotificationType.PRACTICE_MET, agencyName, becameMet);
        }
        if (!becameUnmet.isEmpty()) {
            enqueue(eventId, evaluation, NotificationType.PRACTICE_UNMET, agencyName, becameUnmet);
        }
        if (evaluation.eligibleChanged() && evaluation.eligible()) {
            enqueue(eventId, evaluation, NotificationType.ELIGIBLE_FOR_COMPLETION, agencyName, List.of());
        }
    }

    /** The agency's contacts are known now: what was said about it before is told now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void agencyKnown(UUID agencyId) {
        awaitingAgency.release(agencyId, this::apply);
    }

    /** certifications-expiring: the practice, how many, from when, and the day it would be unmet. */
    private void expiring(String eventId, CertificationsExpiring expiring) {
        notices.send(
                expiring.agencyId(),
                NotificationType.CERTIFICATIONS_EXPIRING,
                eventId,
                Map.of(
                        "practice", expiring.practice().title(),
                        "count", expiring.count(),
                        "earliestExpiry", expiring.earliestExpiry(),
                        "wouldBecomeUnmetOn", expiring.wouldBecomeUnmetOn()),
                List.of());
    }

    /** forecast-at-risk: each unmet practice's figures, and the pace that would meet it by the target date. */
    private void atRisk(String eventId, ForecastAtRisk atRisk) {
        List<String> lines = new ArrayList<>();
        for (PracticePace pace : atRisk.practices()) {
            lines.add(ForecastLines.line(pace, atRisk.windowWeeks()));
        }
        notices.send(
                atRisk.agencyId(),
                NotificationType.FORECAST_AT_RISK,
                eventId,
                Map.of(
                        "targetCompletionOn", atRisk.targetCompletionOn(),
                        "windowWeeks", atRisk.windowWeeks()),
                lines);
    }

    private void enqueue(
            String eventId,
            ComplianceEvaluated evaluation,
            NotificationType type,
            String agencyName,
            List<Practice> practices) {
        UUID agencyId = evaluation.agencyId();
        for (RecipientDirectory.Recipient recipient : directory.recipients(agencyId, type)) {
            ComplianceEmailWriter.Email email =
                    emails.compose(type, agencyName, recipient.name(), practices, evaluation.practices(), agencyId);
            deliveries.enqueue(agencyId, type, recipient.email(), email, eventId);
        }
    }
}
