package org.onemind.training.agency;

import static org.onemind.platform.contract.AgencyTopic.*;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.platform.inbox.EventConsumer;
import org.onemind.platform.inbox.Received;

/** Keeps the agencies training-service may record training for, and which partners may act for them. */
@ApplicationScoped
public class AgencyEventsConsumer extends EventConsumer {

    public AgencyEventsConsumer() {
        super("agency-events");
        on(AGENCY_REGISTERED, this::described);
        on(AGENCY_UPDATED, this::described);
        on(PARTNERSHIP_ESTABLISHED, this::partnershipEstablished);
        on(PARTNERSHIP_ENDED, this::partnershipEnded);
        refuseRevokedAccess();
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Incoming("agency-events")
    @Blocking
    public void onAgencyEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    void described(Received<AgencyDescribed> event) {
        KnownAgency agency = KnownAgency.findById(event.data().agencyId());
        if (agency == null) {
            agency = new KnownAgency();
            agency.agencyId = event.data().agencyId();
            agency.registeredAt = event.time();
        }
        agency.name = event.data().name();
        agency.persist();
    }

    void partnershipEstablished(Received<PartnershipEstablished> event) {
        em.createNativeQuery("insert into partner_scope (partnership_id, agency_id, organization_id, active)"
                        + " values (?1, ?2, ?3, true) on conflict (partnership_id) do nothing")
                .setParameter(1, event.data().partnershipId())
                .setParameter(2, event.data().agencyId())
                .setParameter(3, event.data().organizationId())
                .executeUpdate();
    }

    void partnershipEnded(Received<PartnershipEnded> event) {
        em.createNativeQuery("update partner_scope set active = false where partnership_id = ?1")
                .setParameter(1, event.data().partnershipId())
                .executeUpdate();
    }
}
