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
    public static final String CERTIFICATION_RECORDED = "onemind.training.certification-recorded.v1";

    @Inject
    Outbox outbox;

    public record PersonnelAdded(UUID agencyId, UUID personnelId, boolean sworn, boolean selectedForTraining,
                                 LocalDate hiredOn) {
    }

    public record CertificationRecorded(UUID agencyId, UUID certificationId, UUID personnelId, UUID courseId,
                                        List<String> categories, LocalDate completedOn, LocalDate expiresOn,
                                        String deliveryMode) {
    }

    public void personnelAdded(Personnel person) {
        publish(person.agencyId, PERSONNEL_ADDED, new PersonnelAdded(person.agencyId, person.id, person.sworn,
                person.selectedForTraining, person.hiredOn));
    }

    public void certificationRecorded(Certification certification, Course course) {
        publish(certification.agencyId, CERTIFICATION_RECORDED, new CertificationRecorded(certification.agencyId,
                certification.id, certification.personnelId, course.id, course.categoryNames(),
                certification.completedOn, certification.expiresOn, certification.deliveryMode.name()));
    }

    private void publish(UUID agencyId, String type, Object data) {
        outbox.publish(TOPIC, agencyId.toString(), type, agencyId.toString(), data);
    }
}
