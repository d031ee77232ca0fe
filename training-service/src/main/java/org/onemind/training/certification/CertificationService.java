package org.onemind.training.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.onemind.platform.problem.ApiException;
import org.onemind.training.course.Course;
import org.onemind.training.events.TrainingEvents;
import org.onemind.training.personnel.Personnel;
import org.onemind.training.personnel.PersonnelService;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@ApplicationScoped
public class CertificationService {

    @Inject
    TrainingEvents events;

    Clock clock = Clock.systemDefaultZone();

    public record Recorded(Certification certification, Course course) {
    }

    @Transactional
    public Recorded record(UUID agencyId, CertificationRequests.RecordCertification request) {
        PersonnelService.requireKnownAgency(agencyId);
        Personnel person = personOf(agencyId, request);
        Course course = Course.findById(request.courseId());
        if (course == null) {
            throw ApiException.invalid("courseId", "no course " + request.courseId() + " in the catalog");
        }
        if (request.completedOn().isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("completedOn", "must not be in the future");
        }
        if (person.separatedOn != null && request.completedOn().isAfter(person.separatedOn)) {
            throw ApiException.invalid("completedOn", "is after the person's separation on " + person.separatedOn);
        }
        Certification certification = new Certification();
        certification.id = UUID.randomUUID();
        certification.agencyId = agencyId;
        certification.personnelId = person.id;
        certification.courseId = course.id;
        certification.completedOn = request.completedOn();
        certification.expiresOn = course.expiryOf(request.completedOn());
        certification.deliveryMode = request.deliveryMode();
        certification.hours = request.hours() == null ? course.hours : request.hours();
        certification.certificateNumber = request.certificateNumber();
        certification.createdAt = Instant.now();
        certification.persist();
        events.certificationRecorded(certification, course);
        return new Recorded(certification, course);
    }

    private static Personnel personOf(UUID agencyId, CertificationRequests.RecordCertification request) {
        if (request.personnelId() == null && (request.employeeNumber() == null || request.employeeNumber().isBlank())) {
            throw ApiException.invalid("personnelId", "name the person by personnelId or employeeNumber");
        }
        Personnel person = request.personnelId() != null
                ? Personnel.<Personnel>find("id = ?1 and agencyId = ?2", request.personnelId(), agencyId).firstResult()
                : Personnel.<Personnel>find("agencyId = ?1 and employeeNumber = ?2", agencyId, request.employeeNumber()).firstResult();
        if (person == null) {
            String field = request.personnelId() != null ? "personnelId" : "employeeNumber";
            throw ApiException.invalid(field, "no such person on this agency's roster");
        }
        return person;
    }
}
