package org.onemind.training.personnel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.onemind.platform.problem.ApiException;
import org.onemind.training.agency.KnownAgency;
import org.onemind.training.events.TrainingEvents;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class PersonnelService {

    @Inject
    TrainingEvents events;

    @Transactional
    public Personnel add(UUID agencyId, PersonnelRequests.AddPersonnel request) {
        requireKnownAgency(agencyId);
        if (Personnel.count("agencyId = ?1 and employeeNumber = ?2", agencyId, request.employeeNumber()) > 0) {
            throw ApiException.conflict("duplicate-employee-number",
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

    public static void requireKnownAgency(UUID agencyId) {
        if (KnownAgency.findById(agencyId) == null) {
            throw ApiException.notFound("agency", agencyId);
        }
    }
}
