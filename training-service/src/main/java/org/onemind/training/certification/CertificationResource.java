package org.onemind.training.certification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.Paging;
import org.onemind.platform.security.Roles;
import org.onemind.training.certification.CertificationRequests.Revoke;
import org.onemind.training.course.Category;
import org.onemind.training.importing.ClassRosterImport;
import org.onemind.training.importing.CsvUpload;

@Path("/api/v1/agencies/{agencyId}/certifications")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(
        name = "Certifications",
        description = "Mental Health First Aid and Crisis Intervention Team training records of an agency's people")
public class CertificationResource {

    @Inject
    org.onemind.training.importing.ImportMetrics importMetrics;

    @Inject
    CertificationService certifications;

    @Inject
    ClassRosterImport classRosterImport;

    @Inject
    CertificationQueries queries;

    @POST
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(
            summary = "Record a completed course for a person on the roster; the expiry follows the course's validity")
    @APIResponse(
            responseCode = "201",
            description = "The certification is recorded (or, with the same Idempotency-Key, was already)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CertificationResponse.class)),
            headers = {@Header(name = "Location", description = "Where the new resource is")})
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request body")
    public Response record(
            @PathParam("agencyId") UUID agencyId,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            @Valid @NotNull CertificationRequests.RecordCertification request,
            @Context UriInfo uri) {
        CertificationService.Recorded recorded = certifications.record(agencyId, request, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(recorded.certification().id.toString())
                        .build())
                .entity(CertificationResponse.of(
                        recorded.certification(), recorded.course().categoryNames()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "The agency's certifications, newest completion first")
    public ListPage<CertificationResponse> list(
            @PathParam("agencyId") UUID agencyId,
            @QueryParam("personnelId") UUID personnelId,
            @QueryParam("category") Category category,
            @QueryParam("expiringBefore") LocalDate expiringBefore,
            @QueryParam("page") @DefaultValue("0") @Min(0) @jakarta.validation.constraints.Max(Paging.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.list(agencyId, personnelId, category, expiringBefore, page, size);
    }

    @POST
    @Path("/{certificationId}/revocation")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Revoke a certification, with the reason; it no longer counts")
    @APIResponse(responseCode = "200", description = "The certification as revoked")
    @APIResponse(responseCode = "409", description = "The certification is revoked already")
    public CertificationResponse revoke(
            @PathParam("agencyId") UUID agencyId,
            @PathParam("certificationId") UUID certificationId,
            @Valid @NotNull Revoke request) {
        CertificationService.Recorded revoked = certifications.revoke(agencyId, certificationId, request.reason());
        return CertificationResponse.of(
                revoked.certification(), revoked.course().categoryNames());
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", "application/csv"})
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(
            operationId = "importClassRoster",
            summary = "Import a class roster: who completed courseId on completedOn (CSV header: employeeNumber,"
                    + "certificateNumber,hours); all or nothing, with every bad row reported")
    @RequestBody(
            required = true,
            description = "Who completed the course, as CSV, UTF-8, at most 20 MB and the configured number of rows",
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING, maxLength = CsvUpload.DEFAULT_MAX_BYTES),
                        example = "employeeNumber,certificateNumber,hours\nE-1001,MHFA-2026-0042,8\n"),
                @Content(
                        mediaType = "application/csv",
                        schema = @Schema(type = SchemaType.STRING, maxLength = CsvUpload.DEFAULT_MAX_BYTES))
            })
    @APIResponse(
            responseCode = "413",
            description = "The file is larger than 20 MB or has more rows than the import takes")
    @APIResponse(responseCode = "200", description = "What the import recorded")
    public ClassRosterImport.Report importClass(
            @PathParam("agencyId") UUID agencyId,
            @QueryParam("courseId") UUID courseId,
            @QueryParam("completedOn") LocalDate completedOn,
            @QueryParam("deliveryMode") @DefaultValue("IN_PERSON") DeliveryMode deliveryMode,
            java.io.InputStream body) {
        return importMetrics.count(
                org.onemind.training.importing.ImportMetrics.CLASS,
                () -> classRosterImport.importClass(agencyId, courseId, completedOn, deliveryMode, body),
                ClassRosterImport.Report::rows);
    }
}
