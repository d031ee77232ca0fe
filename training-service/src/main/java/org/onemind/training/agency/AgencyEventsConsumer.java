package org.onemind.training.agency;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.platform.events.AgencyTopic;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.inbox.EventConsumer;

/** Keeps the agencies training-service may record training for, and which partners may act for them. */
@ApplicationScoped
public class AgencyEventsConsumer extends EventConsumer {

    public AgencyEventsConsumer() {
        super(
                "agency-events",
                AgencyTopic.AGENCY_REGISTERED,
                AgencyTopic.AGENCY_UPDATED,
                AgencyTopic.PARTNERSHIP_ESTABLISHED,
                AgencyTopic.PARTNERSHIP_ENDED,
                // applied by the platform (IncomingEvents): tokens of a removed member or a revoked partner are refused
                org.onemind.platform.security.AccessRevocations.EVENT_TYPE);
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Incoming("agency-events")
    @Blocking
    public void onAgencyEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    @Override
    public void apply(CloudEvent event) {
        switch (event.type()) {
            case AgencyTopic.AGENCY_REGISTERED, AgencyTopic.AGENCY_UPDATED -> {
                UUID agencyId = event.uuid("agencyId");
                KnownAgency agency = KnownAgency.findById(agencyId);
                if (agency == null) {
                    agency = new KnownAgency();
                    agency.agencyId = agencyId;
                    agency.registeredAt =
                            event.time() == null ? Instant.now() : event.time().toInstant();
                }
                agency.name = event.text("name");
                agency.persist();
            }
            case AgencyTopic.PARTNERSHIP_ESTABLISHED ->
                em.createNativeQuery("insert into partner_scope (partnership_id, agency_id, organization_id, active)"
                                + " values (?1, ?2, ?3, true) on conflict (partnership_id) do nothing")
                        .setParameter(1, event.uuid("partnershipId"))
                        .setParameter(2, event.uuid("agencyId"))
                        .setParameter(3, event.uuid("organizationId"))
                        .executeUpdate();
            case AgencyTopic.PARTNERSHIP_ENDED ->
                em.createNativeQuery("update partner_scope set active = false where partnership_id = ?1")
                        .setParameter(1, event.uuid("partnershipId"))
                        .executeUpdate();
            default -> {
                // other agency events do not concern rosters or certifications
            }
        }
    }
}
