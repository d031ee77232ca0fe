package org.onemind.compliance.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.compliance.projection.AgencyFactsRepository;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Caller;
import org.onemind.platform.security.Roles;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/api/v1/agencies/{agencyId}/compliance")
@Tag(name = "Compliance")
public class ComplianceResource {

    @Inject
    Evaluator evaluator;

    @Inject
    AgencyFactsRepository facts;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(summary = "Where the agency stands on the four practices; with asOf, on any past or future date")
    public ComplianceResponse get(@PathParam("agencyId") UUID agencyId,
                                  @Parameter(description = "YYYY-MM-DD") @QueryParam("asOf") String asOf) {
        caller.requireAgency(agencyId, organization -> facts.partneredWith(agencyId, organization));
        StoredEvaluation stored = StoredEvaluation.findById(agencyId);
        if (stored == null && !facts.knows(agencyId)) {
            throw ApiException.notFound("agency", agencyId);
        }
        if (asOf != null) {
            return evaluator.preview(agencyId, parse(asOf));
        }
        return stored != null ? evaluator.read(stored) : evaluator.preview(agencyId, LocalDate.now());
    }

    private static LocalDate parse(String asOf) {
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("asOf", "must be a date in the form YYYY-MM-DD");
        }
    }
}
