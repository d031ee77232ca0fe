package org.onemind.platform.events;

/** The topic {@code training.events} (training-service publishes it) and its event types ({@code ce_type}, EVENTS.md). */
public final class TrainingTopic {
    public static final String TOPIC = "training.events";

    public static final String PERSONNEL_ADDED = "onemind.training.personnel-added.v1";
    public static final String PERSONNEL_UPDATED = "onemind.training.personnel-updated.v1";
    public static final String PERSONNEL_SEPARATED = "onemind.training.personnel-separated.v1";
    public static final String PERSONNEL_IMPORTED = "onemind.training.personnel-imported.v1";
    public static final String CERTIFICATION_RECORDED = "onemind.training.certification-recorded.v1";
    public static final String CERTIFICATIONS_RECORDED = "onemind.training.certifications-recorded.v1";
    public static final String CERTIFICATION_REVOKED = "onemind.training.certification-revoked.v1";
    public static final String COURSE_CHANGED = "onemind.training.course-changed.v1";

    /** The most rows one import event carries (the schemas' {@code maxItems}): a record stays well under Kafka's 1 MB. */
    public static final int ROWS_PER_EVENT = 1000;

    private TrainingTopic() {}
}
