package org.onemind.agency.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.onemind.agency.events.AgencyEvents;
import org.onemind.platform.problem.ApiException;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class AgencyService {

    @Inject
    AgencyEvents events;

    @Transactional
    public Agency register(AgencyRequests.RegisterAgency request) {
        String country = request.country() == null ? "US" : request.country().toUpperCase(Locale.ROOT);
        String state = request.state().trim().toUpperCase(Locale.ROOT);
        if (country.equals("US") && !UsStates.isValid(state)) {
            throw ApiException.invalid("state", "must be a two-letter US state code (e.g. GA, CA, MA)");
        }
        Agency agency = new Agency();
        agency.id = UUID.randomUUID();
        agency.name = request.name().trim();
        agency.type = request.type();
        agency.city = request.city().trim();
        agency.state = country.equals("US") ? state : request.state().trim();
        agency.country = country;
        agency.declaredSworn = request.declaredSworn();
        agency.declaredNonSworn = request.declaredNonSworn();
        agency.createdAt = Instant.now();
        agency.updatedAt = agency.createdAt;
        int position = 0;
        for (AgencyRequests.Contact contact : request.contacts()) {
            AgencyContact entity = new AgencyContact();
            entity.id = UUID.randomUUID();
            entity.agency = agency;
            entity.position = position++;
            entity.name = contact.name().trim();
            entity.email = contact.email().trim();
            entity.role = contact.role();
            agency.contacts.add(entity);
        }
        agency.persist();
        events.agencyRegistered(agency);
        return agency;
    }

    public Agency find(UUID id) {
        Agency agency = Agency.findById(id);
        if (agency == null) {
            throw ApiException.notFound("agency", id);
        }
        return agency;
    }
}
