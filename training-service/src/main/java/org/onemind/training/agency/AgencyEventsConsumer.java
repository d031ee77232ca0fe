package org.onemind.training.agency;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.inbox.IncomingEvents;

import java.time.Instant;
import java.util.UUID;

/** Keeps the agencies training-service may record training for. */
@ApplicationScoped
public class AgencyEventsConsumer {
    static final String CONSUMER = "training-service/agency-events";

    @Inject
    IncomingEvents incoming;

    @Incoming("agency-events")
    @Blocking
    @Transactional
    public void onAgencyEvent(ConsumerRecord<String, String> record) {
        incoming.apply(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        switch (event.type()) {
            case "onemind.agency.agency-registered.v1", "onemind.agency.agency-updated.v1" -> {
                UUID agencyId = event.uuid("agencyId");
                KnownAgency agency = KnownAgency.findById(agencyId);
                if (agency == null) {
                    agency = new KnownAgency();
                    agency.agencyId = agencyId;
                    agency.registeredAt = event.time() == null ? Instant.now() : event.time().toInstant();
                }
                agency.name = event.text("name");
                agency.persist();
            }
            default -> {
                // other agency events do not concern rosters or certifications
            }
        }
    }
}
