package org.onemind.training.personnel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.onemind.platform.problem.ApiException;
import org.onemind.training.agency.KnownAgency;
import org.onemind.training.events.TrainingEvents;

@ApplicationScoped
public class PersonnelService {

    @Inject
    TrainingEvents events;

    @Transactional
    public Personnel add(UUID agencyId, PersonnelRequests.AddPersonnel request) {
        requireKnownAgency(agencyId);
        if (Personnel.count("agencyId = ?1 and employeeNumber = ?2", agencyId, request.employeeNumber()) > 0) {
            throw ApiException.conflict(
                    "duplicate-employee-number",
                    "employee number " + request.employeeNumber() + " is already on this agency's roster");
        }
        Personnel person = new Personnel();
        person.id = UUID.randomUUID();
        person.agencyId = agencyId;
        person.employeeNumber = request.employeeNumber();
        person.firstName = request.firstName().trim();
        person.lastName = request.lastName().trim();
        person.sworn = request.sworn();
        person.role = request.role();
        // RULES.md: selection concerns non-sworn staff; every sworn officer is in scope anyway.
        person.selectedForTraining = !request.sworn() && Boolean.TRUE.equals(request.selectedForTraining());
        person.hiredOn = request.hiredOn();
        person.createdAt = Instant.now();
        person.persist();
        events.personnelAdded(person);
        return person;
    }

    @Transactional
    public Personnel update(
            UUID agencyId, UUID personnelId, int expectedVersion, PersonnelRequests.UpdatePersonnel request) {
        Personnel person = find(agencyId, personnelId);
        if (!org.onemind.platform.api.ETags.matches(person.version, expectedVersion)) {
            throw ApiException.preconditionFailed("person " + personnelId + " changed since version " + expectedVersion
                    + "; read it again and retry");
        }
        if (request.firstName() != null) {
            person.firstName = request.firstName().trim();
        }
        if (request.lastName() != null) {
            person.lastName = request.lastName().trim();
        }
        if (request.sworn() != null) {
            person.sworn = request.sworn();
        }
        if (request.role() != null) {
            person.role = request.role();
        }
        if (request.selectedForTraining() != null) {
            person.selectedForTraining = request.selectedForTraining();
        }
        if (person.sworn) {
            person.selectedForTraining = false; // selection concerns non-sworn staff only
        }
        if (request.hiredOn() != null) {
            person.hiredOn = request.hiredOn();
        }
        Personnel.getEntityManager().flush();
        events.personnelUpdated(person);
        return person;
    }

    @Transactional
    public Personnel separate(UUID agencyId, UUID personnelId, PersonnelRequests.Separate request) {
        Personnel person = find(agencyId, personnelId);
        if (person.separatedOn != null) {
            throw ApiException.conflict("already-separated", "the person separated on " + person.separatedOn);
        }
        if (person.hiredOn != null && request.separatedOn().isBefore(person.hiredOn)) {
            throw ApiException.invalid("separatedOn", "must not be before the hire date " + person.hiredOn);
        }
        person.separatedOn = request.separatedOn();
        events.personnelSeparated(person);
        return person;
    }

    public Personnel find(UUID agencyId, UUID personnelId) {
        requireKnownAgency(agencyId);
        Personnel person = Personnel.<Personnel>find("id = ?1 and agencyId = ?2", personnelId, agencyId)
                .firstResult();
        if (person == null) {
            throw ApiException.notFound("person", personnelId);
        }
        return person;
    }

    public static void requireKnownAgency(UUID agencyId) {
        // Plain JDBC: every write of the agency's data asks (each import request), and loading the entity costs more.
        if (org.onemind.platform.tx.Jdbc.first(
                        KnownAgency.getEntityManager(),
                        "select 1 from known_agency where agency_id = ?",
                        row -> true,
                        agencyId)
                .isEmpty()) {
            throw org.onemind.platform.api.AgencyIds.notKnownHere(agencyId);
        }
    }
}
