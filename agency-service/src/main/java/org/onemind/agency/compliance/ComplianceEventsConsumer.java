package org.onemind.agency.compliance;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.agency.pledge.PledgeService;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.events.ComplianceTopic;
import org.onemind.platform.inbox.EventConsumer;

/** Keeps what compliance-service says, so completion can be refused or allowed without calling it. */
@ApplicationScoped
public class ComplianceEventsConsumer extends EventConsumer {

    public ComplianceEventsConsumer() {
        super("compliance-events", ComplianceTopic.COMPLIANCE_EVALUATED);
    }

    @Inject
    PledgeService pledges;

    @Incoming("compliance-events")
    @Blocking
    public void onComplianceEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    @Override
    public void apply(CloudEvent event) {
        UUID agencyId = event.uuid("agencyId");
        Instant evaluatedAt = event.data().hasNonNull("evaluatedAt")
                ? OffsetDateTime.parse(event.text("evaluatedAt")).toInstant()
                : Instant.now();
        ComplianceStatus status = ComplianceStatus.findById(agencyId);
        if (status != null && status.evaluatedAt.isAfter(evaluatedAt)) {
            return; // an older evaluation arriving late changes nothing
        }
        boolean eligible = event.data().path("eligible").asBoolean();
        // The deadline status depends on eligibility alone among what compliance says: most evaluations
        // (a new count) leave it as it is, and need not look the pledge up.
        boolean eligibilityChanged = status == null || status.eligible != eligible;
        if (status == null) {
            status = new ComplianceStatus();
            status.agencyId = agencyId;
        }
        status.eligible = eligible;
        status.evaluation = event.data().toString();
        status.evaluatedAt = evaluatedAt;
        status.persist();
        if (eligibilityChanged) {
            pledges.refreshDeadlineStatus(agencyId);
        }
    }
}
