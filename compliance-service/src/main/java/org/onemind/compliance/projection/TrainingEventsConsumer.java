package org.onemind.compliance.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.compliance.evaluation.Evaluator;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.events.TrainingTopic;
import org.onemind.platform.events.UnprocessableEventException;
import org.onemind.platform.inbox.EventConsumer;

/** Projects training.events (roster, certifications, course catalog) and re-evaluates who they touch. */
@ApplicationScoped
public class TrainingEventsConsumer extends EventConsumer {

    public TrainingEventsConsumer() {
        super(
                "training-events",
                TrainingTopic.PERSONNEL_ADDED,
                TrainingTopic.PERSONNEL_UPDATED,
                TrainingTopic.PERSONNEL_SEPARATED,
                TrainingTopic.CERTIFICATION_RECORDED,
                TrainingTopic.CERTIFICATION_REVOKED,
                TrainingTopic.PERSONNEL_IMPORTED,
                TrainingTopic.CERTIFICATIONS_RECORDED,
                TrainingTopic.COURSE_CHANGED);
    }

    @Inject
    Projections projections;

    @Inject
    Evaluator evaluator;

    @Inject
    org.onemind.compliance.evaluation.RebuildService rebuilds;

    @Incoming("training-events")
    @Blocking
    public void onTrainingEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }

    @Override
    public void finishBatch() {
        evaluator.evaluatePending();
    }

    @Override
    public void apply(CloudEvent event) {
        switch (event.type()) {
            case TrainingTopic.PERSONNEL_ADDED, TrainingTopic.PERSONNEL_UPDATED -> {
                UUID agencyId = event.uuid("agencyId");
                projections.person(
                        event.uuid("personnelId"),
                        agencyId,
                        bool(event, "sworn"),
                        bool(event, "selectedForTraining"),
                        event.optionalDate("hiredOn"));
                evaluator.reevaluateLater(agencyId, event.id());
            }
            case TrainingTopic.PERSONNEL_SEPARATED -> {
                projections.separated(event.uuid("personnelId"), event.date("separatedOn"));
                evaluator.reevaluateLater(event.uuid("agencyId"), event.id());
            }
            case TrainingTopic.CERTIFICATION_RECORDED -> {
                UUID agencyId = event.uuid("agencyId");
                UUID courseId = event.uuid("courseId");
                // A reclassification made after this certification's event wins, whichever topic was read first.
                Categories categories = projections
                        .reclassifiedSince(courseId, timeOf(event))
                        .map(current -> new Categories(current[0], current[1]))
                        .orElseGet(() -> Categories.of(event));
                JsonNode mode = event.data().get("deliveryMode");
                projections.certification(
                        event.uuid("certificationId"),
                        agencyId,
                        event.uuid("personnelId"),
                        courseId,
                        categories.mhfa(),
                        categories.cit(),
                        event.date("completedOn"),
                        event.optionalDate("expiresOn"),
                        mode == null || mode.isNull() ? null : mode.asText());
                evaluator.reevaluateLater(agencyId, event.id());
            }
            case TrainingTopic.PERSONNEL_IMPORTED -> {
                UUID agencyId = event.uuid("agencyId");
                List<Projections.Person> people = new ArrayList<>();
                for (CloudEvent person : event.rows("personnel")) {
                    people.add(new Projections.Person(
                            person.uuid("personnelId"),
                            bool(person, "sworn"),
                            bool(person, "selectedForTraining"),
                            person.optionalDate("hiredOn")));
                }
                projections.people(agencyId, people);
                evaluator.reevaluateLater(agencyId, event.id());
            }
            case TrainingTopic.CERTIFICATIONS_RECORDED -> {
                UUID agencyId = event.uuid("agencyId");
                UUID courseId = event.uuid("courseId");
                Categories categories = projections
                        .reclassifiedSince(courseId, timeOf(event))
                        .map(current -> new Categories(current[0], current[1]))
                        .orElseGet(() -> Categories.of(event));
                List<Projections.ClassCertification> certifications = new ArrayList<>();
                for (CloudEvent certification : event.rows("certifications")) {
                    certifications.add(new Projections.ClassCertification(
                            certification.uuid("certificationId"), certification.uuid("personnelId")));
                }
                projections.certifications(
                        agencyId,
                        courseId,
                        categories.mhfa(),
                        categories.cit(),
                        event.date("completedOn"),
                        event.optionalDate("expiresOn"),
                        event.text("deliveryMode"),
                        certifications);
                evaluator.reevaluateLater(agencyId, event.id());
            }
            case TrainingTopic.CERTIFICATION_REVOKED -> {
                projections.revoked(event.uuid("certificationId"));
                evaluator.reevaluateLater(event.uuid("agencyId"), event.id());
            }
            case TrainingTopic.COURSE_CHANGED -> {
                Categories categories = Categories.of(event);
                UUID courseId = event.uuid("courseId");
                if (projections.courseChanged(courseId, categories.mhfa(), categories.cit(), timeOf(event))) {
                    // Thousands of agencies may hold the course: they are re-evaluated in chunks, not in this
                    // transaction.
                    rebuilds.startForCourse(courseId, event.id());
                }
            }
            default -> {
                // not a fact compliance depends on
            }
        }
    }

    /** When the producer made the event; its time of arrival for an event without one. */
    private static java.time.Instant timeOf(CloudEvent event) {
        return event.time() == null ? java.time.Instant.now() : event.time().toInstant();
    }

    private static boolean bool(CloudEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || !node.isBoolean()) {
            throw new UnprocessableEventException("event " + event.id() + " lacks boolean " + field);
        }
        return node.asBoolean();
    }

    /** The practices a course satisfies, from an event's {@code categories[]}. */
    record Categories(boolean mhfa, boolean cit) {
        static Categories of(CloudEvent event) {
            JsonNode categories = event.data().get("categories");
            if (categories == null || !categories.isArray()) {
                throw new UnprocessableEventException("event " + event.id() + " lacks categories[]");
            }
            boolean mhfa = false;
            boolean cit = false;
            for (JsonNode category : categories) {
                mhfa |= "MHFA".equals(category.asText());
                cit |= "CIT".equals(category.asText());
            }
            return new Categories(mhfa, cit);
        }
    }
}
