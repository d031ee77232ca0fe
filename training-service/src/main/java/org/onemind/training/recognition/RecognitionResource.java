package org.onemind.training.recognition;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Caller;
import org.onemind.platform.security.Roles;
import org.onemind.training.course.Category;
import org.onemind.training.course.Course;
import org.onemind.training.course.CourseService;
import org.onemind.training.personnel.PersonnelService;

@Path("/api/v1/course-recognition-requests")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Course recognition")
public class RecognitionResource {

    @Inject
    Caller caller;

    @Inject
    CourseService courses;

    public record Ask(
            @NotNull UUID agencyId,
            @NotBlank @Size(max = 300) String name,
            @Size(max = 300) String provider,
            @NotNull @DecimalMin("0.5") @DecimalMax("200") BigDecimal hours,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 300) String> topics,
            @NotNull Category requestedCategory) {}

    public enum Decision {
        APPROVED,
        REJECTED
    }

    /** With APPROVED, {@code courseId} reclassifies a catalog course; without it a new course is added. */
    public record Decide(
            @NotNull Decision decision,

            @org.onemind.platform.input.MultiLine @Size(max = 2000)
            String reason,

            UUID courseId) {}

    public record RequestResponse(
            UUID id,
            UUID agencyId,
            String name,
            String provider,
            BigDecimal hours,
            List<String> topics,
            Category requestedCategory,
            RecognitionRequest.Status status,
            String decisionReason,
            UUID courseId) {
        static RequestResponse of(RecognitionRequest r) {
            return new RequestResponse(
                    r.id,
                    r.agencyId,
                    r.name,
                    r.provider,
                    r.hours,
                    Arrays.asList(r.topics.split("\n")),
                    r.requestedCategory,
                    r.status,
                    r.decisionReason,
                    r.courseId);
        }
    }

    @POST
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Transactional
    @Operation(summary = "Ask for a course to be recognized as MHFA- or CIT-equivalent")
    public Response ask(@Valid @NotNull Ask request, @Context UriInfo uri) {
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
        return Response.created(
                        uri.getAbsolutePathBuilder().path(r.id.toString()).build())
                .entity(RequestResponse.of(r))
                .build();
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Recognition requests: every one for campaign admins, the agency's own for its manager")
    public ListPage<RequestResponse> list() {
        List<RecognitionRequest> found = caller.isCampaignAdmin()
                ? RecognitionRequest.listAll(Sort.descending("createdAt"))
                : caller.agencyId()
                        .map(a -> RecognitionRequest.<RecognitionRequest>list(
                                "agencyId", Sort.descending("createdAt"), a))
                        .orElse(List.of());
        List<RequestResponse> items = found.stream().map(RequestResponse::of).toList();
        return new ListPage<>(items, 0, items.size(), items.size());
    }

    @POST
    @Path("/{requestId}/decision")
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Transactional
    @Operation(summary = "Approve (adds or reclassifies the course) or reject, with the reason")
    public RequestResponse decide(@PathParam("requestId") UUID requestId, @Valid @NotNull Decide decision) {
        RecognitionRequest r = RecognitionRequest.findById(requestId);
        if (r == null) {
            throw ApiException.notFound("recognition request", requestId);
        }
        if (r.status != RecognitionRequest.Status.PENDING) {
            throw ApiException.conflict("already-decided", "the request was already " + r.status);
        }
        if (decision.decision() == Decision.REJECTED) {
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
        return RequestResponse.of(r);
    }
}
