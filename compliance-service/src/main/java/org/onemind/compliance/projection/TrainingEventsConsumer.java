package org.onemind.compliance.projection;

import static org.onemind.platform.contract.TrainingTopic.*;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.compliance.evaluation.Evaluator;
import org.onemind.compliance.evaluation.RebuildService;
import org.onemind.platform.contract.Practice;
import org.onemind.platform.inbox.EventConsumer;
import org.onemind.platform.inbox.Received;

/** Projects training.events (roster, certifications, course catalog) and re-evaluates who they touch. */
@ApplicationScoped
public class TrainingEventsConsumer extends EventConsumer {

    public TrainingEventsConsumer() {
        super("training-events");
        on(PERSONNEL_ADDED, this::person);
        on(PERSONNEL_UPDATED, this::person);
        on(PERSONNEL_SEPARATED, this::separated);
        on(PERSONNEL_IMPORTED, this::imported);
        on(CERTIFICATION_RECORDED, this::certificationRecorded);
        on(CERTIFICATIONS_RECORDED, this::certificationsRecorded);
        on(CERTIFICATION_REVOKED, this::certificationRevoked);
        on(COURSE_CHANGED, this::courseChanged);
    }

    @Inject
    Projections projections;

    @Inject
    Evaluator evaluator;

    @Inject
    RebuildService rebuilds;

    @Incoming("training-events")
    @Blocking
    public void onTrainingEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    @Override
    public void finishBatch() {
        evaluator.evaluatePending();
    }

    void person(Received<PersonDescribed> event) {
        PersonDescribed person = event.data();
        projections.person(
                person.personnelId(),
                person.agencyId(),
                person.sworn(),
                person.selectedForTraining(),
                person.hiredOn());
        reevaluate(person.agencyId(), event);
    }

    void separated(Received<PersonnelSeparated> event) {
        projections.separated(event.data().personnelId(), event.data().separatedOn());
        reevaluate(event.data().agencyId(), event);
    }

    void imported(Received<PersonnelImported> event) {
        projections.people(event.data().agencyId(), event.data().personnel());
        reevaluate(event.data().agencyId(), event);
    }

    void certificationRecorded(Received<CertificationRecorded> event) {
        CertificationRecorded certification = event.data();
        Categories categories = categories(certification.courseId(), certification.categories(), event.time());
        projections.certification(
                certification.certificationId(),
                certification.agencyId(),
                certification.personnelId(),
                certification.courseId(),
                categories.mhfa(),
                categories.cit(),
                certification.completedOn(),
                certification.expiresOn(),
                certification.deliveryMode());
        reevaluate(certification.agencyId(), event);
    }

    void certificationsRecorded(Received<CertificationsRecorded> event) {
        CertificationsRecorded recorded = event.data();
        Categories categories = categories(recorded.courseId(), recorded.categories(), event.time());
        projections.certifications(
                recorded.agencyId(),
                recorded.courseId(),
                categories.mhfa(),
                categories.cit(),
                recorded.completedOn(),
                recorded.expiresOn(),
                recorded.deliveryMode(),
                recorded.certifications());
        reevaluate(recorded.agencyId(), event);
    }

    void certificationRevoked(Received<CertificationRevoked> event) {
        projections.revoked(event.data().certificationId());
        reevaluate(event.data().agencyId(), event);
    }

    void courseChanged(Received<CourseChanged> event) {
        Categories categories = Categories.of(event.data().categories());
        UUID courseId = event.data().courseId();
        if (projections.courseChanged(courseId, categories.mhfa(), categories.cit(), event.time())) {
            // Thousands of agencies may hold the course: they are re-evaluated in chunks, not in this transaction.
            rebuilds.startForCourse(courseId, event.id());
        }
    }

    /** A reclassification made after the certification's event wins, whichever topic was read first. */
    private Categories categories(UUID courseId, List<String> categories, Instant eventTime) {
        return projections
                .reclassifiedSince(courseId, eventTime)
                .map(current -> new Categories(current[0], current[1]))
                .orElseGet(() -> Categories.of(categories));
    }

    private void reevaluate(UUID agencyId, Received<?> event) {
        evaluator.reevaluateLater(agencyId, event.id());
    }

    /** The practices a course counts toward. */
    record Categories(boolean mhfa, boolean cit) {
        static Categories of(List<String> categories) {
            return new Categories(counts(categories, Practice.MHFA), counts(categories, Practice.CIT));
        }
    }
}
