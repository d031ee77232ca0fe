package org.onemind.training.certification;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.security.Caller;
import org.onemind.platform.security.Roles;
import org.onemind.training.course.Course;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Path("/api/v1/agencies/{agencyId}/certifications")
@Tag(name = "Certifications")
public class CertificationResource {

    @Inject
    CertificationService certifications;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(summary = "Record a completed course for a person on the roster; the expiry follows the course's validity")
    public Response record(@PathParam("agencyId") UUID agencyId,
                           @Valid @NotNull CertificationRequests.RecordCertification request, @Context UriInfo uri) {
        caller.requireAgency(agencyId);
        CertificationService.Recorded recorded = certifications.record(agencyId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(recorded.certification().id.toString()).build())
                .entity(CertificationResponse.of(recorded.certification(), recorded.course().categoryNames()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "The agency's certifications, newest completion first")
    public org.onemind.platform.api.Page<CertificationResponse> list(@PathParam("agencyId") UUID agencyId,
                                                                     @QueryParam("personnelId") UUID personnelId,
                                                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        caller.requireAgency(agencyId);
        var found = personnelId == null
                ? Certification.<Certification>find("agencyId", Sort.descending("completedOn").and("id"), agencyId)
                : Certification.<Certification>find("agencyId = ?1 and personnelId = ?2",
                Sort.descending("completedOn").and("id"), agencyId, personnelId);
        long total = found.count();
        List<Certification> items = found.page(Page.of(page, size)).list();
        Map<UUID, Course> courses = Course.<Course>listAll().stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        return new org.onemind.platform.api.Page<>(items.stream()
                .map(c -> CertificationResponse.of(c, courses.get(c.courseId).categoryNames())).toList(),
                page, size, total);
    }
}
