package org.onemind.platform.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The topic {@code training.events}: training-service publishes it; its event types and their data (EVENTS.md). */
public final class TrainingTopic {
    public static final String TOPIC = "training.events";

    public static final EventType<PersonDescribed> PERSONNEL_ADDED =
            type("onemind.training.personnel-added.v1", PersonDescribed.class);
    public static final EventType<PersonDescribed> PERSONNEL_UPDATED =
            type("onemind.training.personnel-updated.v1", PersonDescribed.class);
    public static final EventType<PersonnelSeparated> PERSONNEL_SEPARATED =
            type("onemind.training.personnel-separated.v1", PersonnelSeparated.class);
    public static final EventType<PersonnelImported> PERSONNEL_IMPORTED =
            type("onemind.training.personnel-imported.v1", PersonnelImported.class);
    public static final EventType<CertificationRecorded> CERTIFICATION_RECORDED =
            type("onemind.training.certification-recorded.v1", CertificationRecorded.class);
    public static final EventType<CertificationsRecorded> CERTIFICATIONS_RECORDED =
            type("onemind.training.certifications-recorded.v1", CertificationsRecorded.class);
    public static final EventType<CertificationRevoked> CERTIFICATION_REVOKED =
            type("onemind.training.certification-revoked.v1", CertificationRevoked.class);
    public static final EventType<CourseChanged> COURSE_CHANGED =
            type("onemind.training.course-changed.v1", CourseChanged.class);

    public static final List<EventType<?>> TYPES = List.of(
            PERSONNEL_ADDED,
            PERSONNEL_UPDATED,
            PERSONNEL_SEPARATED,
            PERSONNEL_IMPORTED,
            CERTIFICATION_RECORDED,
            CERTIFICATIONS_RECORDED,
            CERTIFICATION_REVOKED,
            COURSE_CHANGED);

    /** The most rows one import event carries (the schemas' {@code maxItems}): a record stays well under Kafka's 1 MB. */
    public static final int ROWS_PER_EVENT = 1000;

    /** A course category that counts toward a practice (a course may also carry others, which count toward none). */
    public static boolean counts(List<String> categories, Practice practice) {
        return categories.contains(practice.name());
    }

    public record PersonDescribed(
            UUID agencyId, UUID personnelId, boolean sworn, boolean selectedForTraining, LocalDate hiredOn) {}

    public record PersonnelImported(UUID agencyId, List<ImportedPerson> personnel) {}

    public record ImportedPerson(UUID personnelId, boolean sworn, boolean selectedForTraining, LocalDate hiredOn) {}

    public record PersonnelSeparated(UUID agencyId, UUID personnelId, LocalDate separatedOn) {}

    public record CertificationRecorded(
            UUID agencyId,
            UUID certificationId,
            UUID personnelId,
            UUID courseId,
            List<String> categories,
            LocalDate completedOn,
            LocalDate expiresOn,
            String deliveryMode) {}

    /** Certifications of one class: one agency, course and date. */
    public record CertificationsRecorded(
            UUID agencyId,
            UUID courseId,
            List<String> categories,
            LocalDate completedOn,
            LocalDate expiresOn,
            String deliveryMode,
            List<RecordedCertification> certifications) {}

    public record RecordedCertification(UUID certificationId, UUID personnelId) {}

    public record CertificationRevoked(UUID agencyId, UUID certificationId, String reason) {}

    public record CourseChanged(UUID courseId, String name, List<String> categories, Integer validityMonths) {}

    private static <T extends Record> EventType<T> type(String name, Class<T> payload) {
        return new EventType<>(TOPIC, name, payload);
    }

    private TrainingTopic() {}
}
