package org.onemind.training.events;

import static org.onemind.platform.contract.TrainingTopic.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.onemind.platform.contract.EventType;
import org.onemind.platform.outbox.Outbox;
import org.onemind.training.certification.Certification;
import org.onemind.training.course.Course;
import org.onemind.training.personnel.Personnel;

/** The events of {@code training.events} (EVENTS.md), written through the outbox, keyed by agency. */
@ApplicationScoped
public class TrainingEvents {

    @Inject
    Outbox outbox;

    public void personnelAdded(Personnel person) {
        publish(person.agencyId, PERSONNEL_ADDED, described(person));
    }

    public void personnelUpdated(Personnel person) {
        publish(person.agencyId, PERSONNEL_UPDATED, described(person));
    }

    /** People a roster import added or changed (at most {@link TrainingTopic#ROWS_PER_EVENT}, all of one agency). */
    public void personnelImported(UUID agencyId, List<Personnel> people) {
        publish(
                agencyId,
                PERSONNEL_IMPORTED,
                new PersonnelImported(
                        agencyId,
                        people.stream()
                                .map(p -> new ImportedPerson(p.id, p.sworn, p.selectedForTraining, p.hiredOn))
                                .toList()));
    }

    /** Certifications of one class (at most {@link TrainingTopic#ROWS_PER_EVENT}, one agency, course and date). */
    public void certificationsRecorded(UUID agencyId, Course course, List<Certification> certifications) {
        Certification first = certifications.get(0);
        publish(
                agencyId,
                CERTIFICATIONS_RECORDED,
                new CertificationsRecorded(
                        agencyId,
                        course.id,
                        course.categoryNames(),
                        first.completedOn,
                        first.expiresOn,
                        first.deliveryMode.name(),
                        certifications.stream()
                                .map(c -> new RecordedCertification(c.id, c.personnelId))
                                .toList()));
    }

    private static PersonDescribed described(Personnel person) {
        return new PersonDescribed(
                person.agencyId, person.id, person.sworn, person.selectedForTraining, person.hiredOn);
    }

    public void personnelSeparated(Personnel person) {
        publish(
                person.agencyId,
                PERSONNEL_SEPARATED,
                new PersonnelSeparated(person.agencyId, person.id, person.separatedOn));
    }

    public void certificationRevoked(Certification certification) {
        publish(
                certification.agencyId,
                CERTIFICATION_REVOKED,
                new CertificationRevoked(certification.agencyId, certification.id, certification.revocationReason));
    }

    /** Keyed by course: a reclassification concerns every agency with certifications of it. */
    public void courseChanged(Course course) {
        outbox.publish(
                COURSE_CHANGED,
                course.id.toString(),
                null,
                new CourseChanged(course.id, course.name, course.categoryNames(), course.validityMonths));
    }

    private static CertificationRecorded recordedBody(Certification certification, Course course) {
        return new CertificationRecorded(
                certification.agencyId,
                certification.id,
                certification.personnelId,
                course.id,
                course.categoryNames(),
                certification.completedOn,
                certification.expiresOn,
                certification.deliveryMode.name());
    }

    public void certificationRecorded(Certification certification, Course course) {
        publish(certification.agencyId, CERTIFICATION_RECORDED, recordedBody(certification, course));
    }

    private <T extends Record> void publish(UUID agencyId, EventType<T> type, T data) {
        outbox.publish(type, agencyId.toString(), agencyId.toString(), data);
    }
}
