package org.onemind.compliance.projection;

import static org.onemind.platform.contract.AgencyTopic.*;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.compliance.evaluation.Evaluator;
import org.onemind.platform.contract.PledgeStatus;
import org.onemind.platform.inbox.EventConsumer;
import org.onemind.platform.inbox.Received;

/** Projects agency.events (pledge, partnerships, policy) and re-evaluates the agency. */
@ApplicationScoped
public class AgencyEventsConsumer extends EventConsumer {

    public AgencyEventsConsumer() {
        super("agency-events");
        on(AGENCY_REGISTERED, this::described);
        on(AGENCY_UPDATED, this::described);
        on(PLEDGE_TAKEN, this::pledgeTaken);
        on(PLEDGE_WITHDRAWN, event -> pledge(event.data().agencyId(), PledgeStatus.WITHDRAWN, event));
        on(COMPLETION_SUBMITTED, event -> pledge(event.data().agencyId(), PledgeStatus.COMPLETION_SUBMITTED, event));
        on(
                COMPLETION_REVIEWED,
                event -> pledge(event.data().agencyId(), event.data().pledgeStatus(), event));
        on(PARTNERSHIP_ESTABLISHED, this::partnershipEstablished);
        on(PARTNERSHIP_ENDED, this::partnershipEnded);
        on(POLICY_ADOPTED, this::policyAdopted);
        refuseRevokedAccess();
    }

    @Inject
    Projections projections;

    @Inject
    Evaluator evaluator;

    @Incoming("agency-events")
    @Blocking
    public void onAgencyEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    @Override
    public void finishBatch() {
        evaluator.evaluatePending();
    }

    void described(Received<AgencyDescribed> event) {
        AgencyDescribed agency = event.data();
        projections.agency(agency.agencyId(), agency.name(), agency.state(), agency.declaredSworn());
        reevaluate(agency.agencyId(), event);
    }

    void pledgeTaken(Received<PledgeTaken> event) {
        PledgeTaken pledge = event.data();
        projections.pledge(pledge.agencyId(), PledgeStatus.PLEDGED, pledge.pledgedOn(), pledge.targetCompletionOn());
        reevaluate(pledge.agencyId(), event);
    }

    /** A pledge's new status (its dates stay as the pledge-taken event set them). */
    void pledge(UUID agencyId, PledgeStatus status, Received<?> event) {
        projections.pledge(agencyId, status, null, null);
        reevaluate(agencyId, event);
    }

    void partnershipEstablished(Received<PartnershipEstablished> event) {
        PartnershipEstablished partnership = event.data();
        projections.partnership(
                partnership.partnershipId(),
                partnership.agencyId(),
                partnership.organizationId(),
                partnership.organizationKind(),
                partnership.mouSignedOn());
        reevaluate(partnership.agencyId(), event);
    }

    void partnershipEnded(Received<PartnershipEnded> event) {
        projections.partnershipEnded(event.data().partnershipId(), event.data().endedOn());
        reevaluate(event.data().agencyId(), event);
    }

    void policyAdopted(Received<PolicyAdopted> event) {
        PolicyAdopted policy = event.data();
        projections.policy(policy.agencyId(), policy.title(), policy.adoptedOn());
        reevaluate(policy.agencyId(), event);
    }

    private void reevaluate(UUID agencyId, Received<?> event) {
        evaluator.reevaluateLater(agencyId, event.id());
    }
}
