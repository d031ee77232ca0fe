package org.onemind.agency.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.onemind.agency.events.AgencyEvents;
import org.onemind.platform.problem.ApiException;

@ApplicationScoped
public class AgencyService {

    @Inject
    AgencyEvents events;

    @Inject
    org.onemind.agency.history.HistoryLog history;

    @Transactional
    public Agency register(AgencyRequests.RegisterAgency request) {
        String country = request.country() == null ? "US" : request.country().toUpperCase(Locale.ROOT);
        String state = request.state().trim().toUpperCase(Locale.ROOT);
        if (country.equals("US") && !UsStates.isValid(state)) {
            throw ApiException.invalid("state", "must be a two-letter US state code (e.g. GA, CA, MA)");
        }
        Agency agency = new Agency();
        agency.id = org.onemind.platform.api.AgencyIds.newId();
        agency.name = request.name().trim();
        agency.type = request.type();
        agency.city = request.city().trim();
        agency.state = country.equals("US") ? state : request.state().trim();
        agency.country = country;
        agency.declaredSworn = request.declaredSworn();
        agency.declaredNonSworn = request.declaredNonSworn();
        agency.createdAt = Instant.now();
        agency.updatedAt = agency.createdAt;
        addContacts(agency, request.contacts());
        agency.persist();
        history.record(agency.id, "agency.registered", null, AgencyResponse.of(agency));
        events.agencyRegistered(agency);
        return agency;
    }

    /** Applies a partial update when {@code expectedVersion} is the current one (optimistic concurrency). */
    @Transactional
    public Agency update(UUID id, int expectedVersion, AgencyRequests.UpdateAgency request) {
        Agency agency = find(id);
        if (!org.onemind.platform.api.ETags.matches(agency.version, expectedVersion)) {
            throw ApiException.preconditionFailed("agency " + id + " changed since version " + expectedVersion
                    + " (now " + agency.version + "); read it again and retry");
        }
        AgencyResponse before = AgencyResponse.of(agency);
        String country =
                request.country() == null ? agency.country : request.country().toUpperCase(Locale.ROOT);
        String state = request.state() == null ? agency.state : request.state().trim();
        if (country.equals("US")) {
            state = state.toUpperCase(Locale.ROOT);
            if (!UsStates.isValid(state)) {
                throw ApiException.invalid("state", "must be a two-letter US state code (e.g. GA, CA, MA)");
            }
        }
        agency.country = country;
        agency.state = state;
        if (request.name() != null) {
            agency.name = request.name().trim();
        }
        if (request.type() != null) {
            agency.type = request.type();
        }
        if (request.city() != null) {
            agency.city = request.city().trim();
        }
        if (request.declaredSworn() != null) {
            agency.declaredSworn = request.declaredSworn();
        }
        if (request.declaredNonSworn() != null) {
            agency.declaredNonSworn = request.declaredNonSworn();
        }
        if (request.contacts() != null) {
            agency.contacts.clear();
            addContacts(agency, request.contacts());
        }
        agency.updatedAt = Instant.now();
        Agency.getEntityManager().flush();
        history.record(agency.id, "agency.updated", before, AgencyResponse.of(agency));
        events.agencyUpdated(agency);
        return agency;
    }

    private static void addContacts(Agency agency, java.util.List<AgencyRequests.Contact> contacts) {
        int position = 0;
        for (AgencyRequests.Contact contact : contacts) {
            AgencyContact entity = new AgencyContact();
            entity.id = UUID.randomUUID();
            entity.agency = agency;
            entity.position = position++;
            entity.name = contact.name().trim();
            entity.email = contact.email().trim();
            entity.role = contact.role();
            agency.contacts.add(entity);
        }
    }

    /** Agencies by state, pledge status and name, most recently registered first. */
    public io.quarkus.hibernate.orm.panache.PanacheQuery<Agency> search(String state, String status, String name) {
        StringBuilder query = new StringBuilder("from Agency a where 1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (state != null && !state.isBlank()) {
            query.append(" and upper(a.state) = :state");
            params.and("state", state.trim().toUpperCase(Locale.ROOT));
        }
        if (name != null && !name.isBlank()) {
            query.append(" and lower(a.name) like :name");
            params.and("name", "%" + name.trim().toLowerCase(Locale.ROOT).replace("%", "\\%") + "%");
        }
        if (status != null && !status.isBlank()) {
            if (status.equals("NOT_PLEDGED")) {
                query.append(
                        " and not exists (select 1 from Pledge p where p.agencyId = a.id and p.status <> :withdrawn)");
                params.and("withdrawn", org.onemind.platform.contract.PledgeStatus.WITHDRAWN);
            } else {
                org.onemind.platform.contract.PledgeStatus pledgeStatus;
                try {
                    pledgeStatus = org.onemind.platform.contract.PledgeStatus.valueOf(status);
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid(
                            "status",
                            "must be one of NOT_PLEDGED, "
                                    + java.util.Arrays.toString(org.onemind.platform.contract.PledgeStatus.values()));
                }
                query.append(" and exists (select 1 from Pledge p where p.agencyId = a.id and p.status = :status)");
                params.and("status", pledgeStatus);
            }
        }
        return Agency.find(
                query.toString(),
                io.quarkus.panache.common.Sort.descending("createdAt").and("id"),
                params);
    }

    public Agency find(UUID id) {
        Agency agency = Agency.findById(id);
        if (agency == null) {
            throw ApiException.notFound("agency", id);
        }
        return agency;
    }
}
