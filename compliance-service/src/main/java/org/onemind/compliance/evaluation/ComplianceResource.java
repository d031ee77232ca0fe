package org.onemind.compliance.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.compliance.projection.AgencyFactsRepository;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/compliance")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(
        name = "Compliance",
        description = "Where an agency stands on each of the four practices, computed from its evidence")
public class ComplianceResource {

    @Inject
    Evaluator evaluator;

    @Inject
    AgencyFactsRepository facts;

    @Inject
    ComplianceQueries queries;

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(summary = "Where the agency stands on the four practices; with asOf, on any past or future date")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ComplianceResponse.class)))
    public Response get(
            @PathParam("agencyId") UUID agencyId,
            @Parameter(description = "YYYY-MM-DD, 1900-01-01 to 2199-12-31") @QueryParam("asOf") LocalDate asOf) {
        if (asOf != null) {
            requireKnown(agencyId);
            return Response.ok(evaluator.preview(agencyId, asOf)).build();
        }
        java.util.Optional<String> latest = evaluator.latestJson(agencyId);
        if (latest.isEmpty() && !facts.knows(agencyId)) {
            throw org.onemind.platform.api.AgencyIds.notKnownHere(agencyId);
        }
        if (latest.isPresent()) {
            return Response.ok(latest.get(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .build(); // as the JSON writer answers
        }
        return Response.ok(evaluator.preview(agencyId, LocalDate.now())).build();
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            operationId = "getComplianceHistory",
            summary =
                    "The evaluations that changed a practice, eligibility or a figure, newest first, with the event that caused each")
    public ListPage<HistoryEntry> history(
            @PathParam("agencyId") UUID agencyId,
            @QueryParam("page")
                    @jakarta.ws.rs.DefaultValue("0")
                    @jakarta.validation.constraints.Min(0)
                    @jakarta.validation.constraints.Max(org.onemind.platform.api.Paging.MAX_PAGE)
                    int page,
            @QueryParam("size")
                    @jakarta.ws.rs.DefaultValue("50")
                    @jakarta.validation.constraints.Min(1)
                    @jakarta.validation.constraints.Max(500)
                    int size) {
        requireKnown(agencyId);
        return queries.history(agencyId, page, size);
    }

    @GET
    @Path("/expiring")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            operationId = "getExpiringCertifications",
            summary = "Certifications whose expiry within withinDays (default 90) would make a met practice unmet")
    public ExpiringResponse expiring(
            @PathParam("agencyId") UUID agencyId,
            @QueryParam("withinDays")
                    @jakarta.ws.rs.DefaultValue("90")
                    @jakarta.validation.constraints.Min(1)
                    @jakarta.validation.constraints.Max(1095)
                    int withinDays) {
        requireKnown(agencyId);
        return new ExpiringResponse(agencyId, withinDays, evaluator.expiring(agencyId, withinDays));
    }

    private void requireKnown(UUID agencyId) {
        queries.requireKnown(agencyId);
    }
}
