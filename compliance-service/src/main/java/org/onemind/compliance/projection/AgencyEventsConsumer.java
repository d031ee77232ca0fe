package org.onemind.compliance.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.compliance.evaluation.Evaluator;
import org.onemind.platform.events.AgencyTopic;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.inbox.EventConsumer;

/** Projects agency.events (pledge, partnerships, policy) and re-evaluates the agency. */
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
                AgencyTopic.PARTNERSHIP_ESTABLISHED,
                AgencyTopic.PARTNERSHIP_ENDED,
                AgencyTopic.POLICY_ADOPTED,
                // applied by the platform (IncomingEvents): tokens of a removed member or a revoked partner are refused
                org.onemind.platform.security.AccessRevocations.EVENT_TYPE);
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

    @Override
    public void apply(CloudEvent event) {
        UUID agencyId = event.uuid("agencyId");
        switch (event.type()) {
            case AgencyTopic.AGENCY_REGISTERED, AgencyTopic.AGENCY_UPDATED -> {
                JsonNode sworn = event.data().get("declaredSworn");
                projections.agency(
                        agencyId,
                        event.text("name"),
                        event.optionalText("state"),
                        sworn == null || sworn.isNull() ? null : sworn.asInt());
            }
            case AgencyTopic.PLEDGE_TAKEN ->
                projections.pledge(agencyId, "PLEDGED", event.date("pledgedOn"), event.date("targetCompletionOn"));
            case AgencyTopic.PLEDGE_WITHDRAWN -> projections.pledge(agencyId, "WITHDRAWN", null, null);
            case AgencyTopic.COMPLETION_SUBMITTED -> projections.pledge(agencyId, "COMPLETION_SUBMITTED", null, null);
            case AgencyTopic.COMPLETION_REVIEWED ->
                projections.pledge(
                        agencyId, "VERIFIED".equals(event.text("decision")) ? "COMPLETED" : "PLEDGED", null, null);
            case AgencyTopic.PARTNERSHIP_ESTABLISHED -> {
                JsonNode organization = event.data().get("organizationId");
                projections.partnership(
                        event.uuid("partnershipId"),
                        agencyId,
                        organization == null || organization.isNull() ? null : event.uuid("organizationId"),
                        event.text("organizationKind"),
                        event.date("mouSignedOn"));
            }
            case AgencyTopic.PARTNERSHIP_ENDED ->
                projections.partnershipEnded(event.uuid("partnershipId"), event.date("endedOn"));
            case AgencyTopic.POLICY_ADOPTED ->
                projections.policy(agencyId, event.text("title"), event.date("adoptedOn"));
            default -> {
                return; // an event that cannot change compliance
            }
        }
        evaluator.reevaluateLater(agencyId, event.id());
    }
}
