package org.onemind.agency.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.onemind.agency.agency.Agency;
import org.onemind.agency.pledge.Pledge;
import org.onemind.platform.outbox.Outbox;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The events of {@code agency.events} (EVENTS.md), written through the outbox, keyed by agency. */
@ApplicationScoped
public class AgencyEvents {
    public static final String TOPIC = "agency.events";
    public static final String AGENCY_REGISTERED = "onemind.agency.agency-registered.v1";
    public static final String PLEDGE_TAKEN = "onemind.agency.pledge-taken.v1";

    @Inject
    Outbox outbox;

    public record Contact(UUID contactId, String name, String email, String role) {
    }

    public record AgencyRegistered(UUID agencyId, String name, String type, String city, String state,
                                   String country, int declaredSworn, int declaredNonSworn, List<Contact> contacts) {
    }

    public record PledgeTaken(UUID agencyId, UUID pledgeId, LocalDate pledgedOn, LocalDate targetCompletionOn) {
    }

    public void agencyRegistered(Agency agency) {
        List<Contact> contacts = agency.contacts.stream()
                .map(c -> new Contact(c.id, c.name, c.email, c.role)).toList();
        publish(agency.id, AGENCY_REGISTERED, new AgencyRegistered(agency.id, agency.name, agency.type.name(),
                agency.city, agency.state, agency.country, agency.declaredSworn, agency.declaredNonSworn, contacts));
    }

    public void pledgeTaken(Pledge pledge) {
        publish(pledge.agencyId, PLEDGE_TAKEN,
                new PledgeTaken(pledge.agencyId, pledge.id, pledge.pledgedOn, pledge.targetCompletionOn));
    }

    private void publish(UUID agencyId, String type, Object data) {
        outbox.publish(TOPIC, agencyId.toString(), type, agencyId.toString(), data);
    }
}
