package org.onemind.training.recognition;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Caller;
import org.onemind.training.course.Course;
import org.onemind.training.course.CourseService;
import org.onemind.training.personnel.PersonnelService;

/** Agencies ask for a course to count as MHFA or CIT; the campaign decides, adding or reclassifying a course. */
@ApplicationScoped
public class RecognitionService {

    @Inject
    Caller caller;

    @Inject
    CourseService courses;

    @Transactional
    public RecognitionResponse ask(RecognitionRequests.Ask request) {
        caller.requireAgency(request.agencyId());
        PersonnelService.requireKnownAgency(request.agencyId());
        RecognitionRequest r = new RecognitionRequest();
        r.id = UUID.randomUUID();
        r.agencyId = request.agencyId();
        r.name = request.name().trim();
        r.provider = request.provider();
        r.hours = request.hours();
        r.topics = String.join(
                "\n",
                request.topics().stream().map(t -> t.replace('\n', ' ').trim()).toList());
        r.requestedCategory = request.requestedCategory();
        r.status = RecognitionRequest.Status.PENDING;
        r.createdAt = Instant.now();
        r.persist();
        return RecognitionResponse.of(r);
    }

    public ListPage<RecognitionResponse> list() {
        List<RecognitionRequest> found = caller.isCampaignAdmin()
                ? RecognitionRequest.listAll(Sort.descending("createdAt"))
                : caller.agencyId()
                        .map(a -> RecognitionRequest.<RecognitionRequest>list(
                                "agencyId", Sort.descending("createdAt"), a))
                        .orElse(List.of());
        List<RecognitionResponse> items =
                found.stream().map(RecognitionResponse::of).toList();
        return new ListPage<>(items, 0, items.size(), items.size());
    }

    @Transactional
    public RecognitionResponse decide(UUID requestId, RecognitionRequests.Decide decision) {
        RecognitionRequest r = RecognitionRequest.findById(requestId);
        if (r == null) {
            throw ApiException.notFound("recognition request", requestId);
        }
        if (r.status != RecognitionRequest.Status.PENDING) {
            throw ApiException.conflict("already-decided", "the request was already " + r.status);
        }
        if (decision.decision() == RecognitionRequests.Decision.REJECTED) {
            if (decision.reason() == null || decision.reason().isBlank()) {
                throw ApiException.invalid("reason", "a rejection must say why");
            }
            r.status = RecognitionRequest.Status.REJECTED;
        } else if (decision.courseId() != null) {
            Course course = Course.findById(decision.courseId());
            if (course == null) {
                throw ApiException.invalid("courseId", "no course " + decision.courseId() + " in the catalog");
            }
            courses.recognize(course, r.requestedCategory);
            r.courseId = course.id;
            r.status = RecognitionRequest.Status.APPROVED;
        } else {
            Course course = courses.create(
                    r.name + (r.provider == null ? "" : " (" + r.provider + ")"),
                    Set.of(r.requestedCategory),
                    r.hours,
                    null);
            r.courseId = course.id;
            r.status = RecognitionRequest.Status.APPROVED;
        }
        r.decisionReason = decision.reason();
        r.decidedBy = caller.name();
        r.decidedAt = Instant.now();
        return RecognitionResponse.of(r);
    }
}
