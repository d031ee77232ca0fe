package org.onemind.training.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.onemind.platform.outbox.Outbox;
import org.onemind.training.certification.Certification;
import org.onemind.training.course.Course;
import org.onemind.training.personnel.Personnel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The events of {@code training.events} (EVENTS.md), written through the outbox, keyed by agency. */
@ApplicationScoped
public class TrainingEvents {
    public static final String TOPIC = "training.events";
    public static final String PERSONNEL_ADDED = "onemind.training.personnel-added.v1";
    public static final String PERSONNEL_UPDATED = "onemind.training.personnel-updated.v1";
    public static final String PERSONNEL_SEPARATED = "onemind.training.personnel-separated.v1";
    public static final String CERTIFICATION_RECORDED = "onemind.training.certification-recorded.v1";
    public static final String CERTIFICATION_REVOKED = "onemind.training.certification-revoked.v1";
    public static final String COURSE_CHANGED = "onemind.training.course-changed.v1";

    @Inject
    Outbox outbox;

    public record PersonnelAdded(UUID agencyId, UUID personnelId, boolean sworn, boolean selectedForTraining,
                                 LocalDate hiredOn) {
    }

    public record CertificationRecorded(UUID agencyId, UUID certificationId, UUID personnelId, UUID courseId,
                                        List<String> categories, LocalDate completedOn, LocalDate expiresOn,
                                        String deliveryMode) {
    }

    public record PersonnelSeparated(UUID agencyId, UUID personnelId, LocalDate separatedOn) {
    }

    public record CertificationRevoked(UUID agencyId, UUID certificationId, String reason) {
    }

    public record CourseChanged(UUID courseId, String name, List<String> categories, Integer validityMonths) {
    }

    public void personnelAdded(Personnel person) {
        publish(person.agencyId, PERSONNEL_ADDED, described(person));
    }

    public void personnelUpdated(Personnel person) {
        publish(person.agencyId, PERSONNEL_UPDATED, described(person));
    }

    public static Outbox.Pending added(Personnel person) {
        return new Outbox.Pending(person.agencyId.toString(), PERSONNEL_ADDED, described(person));
    }

    public static Outbox.Pending updated(Personnel person) {
        return new Outbox.Pending(person.agencyId.toString(), PERSONNEL_UPDATED, described(person));
    }

    private static PersonnelAdded described(Personnel person) {
        return new PersonnelAdded(person.agencyId, person.id, person.sworn, person.selectedForTraining, person.hiredOn);
    }

    public void personnelSeparated(Personnel person) {
        publish(person.agencyId, PERSONNEL_SEPARATED, new PersonnelSeparated(person.agencyId, person.id, person.separatedOn));
    }

    public void certificationRevoked(Certification certification) {
        publish(certification.agencyId, CERTIFICATION_REVOKED, new CertificationRevoked(certification.agencyId,
                certification.id, certification.revocationReason));
    }

    /** Keyed by course: a reclassification concerns every agency with certifications of it. */
    public void courseChanged(Course course) {
        outbox.publish(TOPIC, course.id.toString(), COURSE_CHANGED, null,
                new CourseChanged(course.id, course.name, course.categoryNames(), course.validityMonths));
    }

    public void publishAll(List<Outbox.Pending> events) {
        outbox.publishAll(TOPIC, events);
    }

    public static Outbox.Pending recorded(Certification certification, Course course) {
        return new Outbox.Pending(certification.agencyId.toString(), CERTIFICATION_RECORDED,
                recordedBody(certification, course));
    }

    private static CertificationRecorded recordedBody(Certification certification, Course course) {
        return new CertificationRecorded(certification.agencyId, certification.id, certification.personnelId, course.id,
                course.categoryNames(), certification.completedOn, certification.expiresOn,
                certification.deliveryMode.name());
    }

    public void certificationRecorded(Certification certification, Course course) {
        publish(certification.agencyId, CERTIFICATION_RECORDED, recordedBody(certification, course));
    }

    private void publish(UUID agencyId, String type, Object data) {
        outbox.publish(TOPIC, agencyId.toString(), type, agencyId.toString(), data);
    }
}
