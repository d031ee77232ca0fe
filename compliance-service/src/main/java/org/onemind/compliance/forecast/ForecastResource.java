package org.onemind.compliance.forecast;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.compliance.evaluation.ComplianceConfig;
import org.onemind.compliance.evaluation.ComplianceQueries;
import org.onemind.compliance.evaluation.Evaluator;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/compliance/forecast")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
public class ForecastResource {

    @Inject
    Evaluator evaluator;

    @Inject
    ComplianceQueries compliance;

    @Inject
    ComplianceConfig config;

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(
            operationId = "getCompletionForecast",
            summary = "When each unmet practice will be met at the agency's recent pace, and whether that is before"
                    + " the pledge's target date (ON_PACE, AT_RISK, NO_PROGRESS), with the assumptions")
    public ForecastResponse forecast(@PathParam("agencyId") UUID agencyId) {
        compliance.requireKnown(agencyId);
        return ForecastResponse.of(
                agencyId, LocalDate.now(), config.forecastWindowWeeks(), evaluator.forecastNow(agencyId));
    }
}
