package org.onemind.agency.compliance;

import static org.onemind.platform.contract.ComplianceTopic.COMPLIANCE_EVALUATED;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.agency.pledge.PledgeService;
import org.onemind.platform.contract.ComplianceTopic.ComplianceEvaluated;
import org.onemind.platform.events.EventPayloads;
import org.onemind.platform.inbox.EventConsumer;
import org.onemind.platform.inbox.Received;

/** Keeps what compliance-service says, so completion can be refused or allowed without calling it. */
@ApplicationScoped
public class ComplianceEventsConsumer extends EventConsumer {

    public ComplianceEventsConsumer() {
        super("compliance-events");
        on(COMPLIANCE_EVALUATED, this::evaluated);
    }

    @Inject
    PledgeService pledges;

    @Incoming("compliance-events")
    @Blocking
    public void onComplianceEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    void evaluated(Received<ComplianceEvaluated> event) {
        ComplianceEvaluated evaluation = event.data();
        Instant evaluatedAt = evaluation.evaluatedAt() != null ? evaluation.evaluatedAt() : Instant.now();
        ComplianceStatus status = ComplianceStatus.findById(evaluation.agencyId());
        if (status != null && status.evaluatedAt.isAfter(evaluatedAt)) {
            return; // an older evaluation arriving late changes nothing
        }
        // The deadline status depends on eligibility alone among what compliance says: most evaluations
        // (a new count) leave it as it is, and need not look the pledge up.
        boolean eligibilityChanged = status == null || status.eligible != evaluation.eligible();
        if (status == null) {
            status = new ComplianceStatus();
            status.agencyId = evaluation.agencyId();
        }
        status.eligible = evaluation.eligible();
        status.evaluation = EventPayloads.write(evaluation).toString();
        status.evaluatedAt = evaluatedAt;
        status.persist();
        if (eligibilityChanged) {
            pledges.refreshDeadlineStatus(evaluation.agencyId());
        }
    }
}
