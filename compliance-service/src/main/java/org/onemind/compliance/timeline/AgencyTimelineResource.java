package org.onemind.compliance.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.compliance.evaluation.ComplianceQueries;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/compliance/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
public class AgencyTimelineResource {

    @Inject
    TimelineQueries timelines;

    @Inject
    ComplianceQueries compliance;

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(
            operationId = "getComplianceTimeline",
            summary =
                    "The agency's figures per practice over time (sworn, trained, required, share, met): its progress chart",
            description = "One point per day, week (ending Sunday) or month (ending on its last day), each the figures"
                    + " at the end of that UTC day, built from every evaluation that changed them; the last point is"
                    + " `to`. No points before the agency's first evaluation (`coveredFrom`). At most 1,100 points."
                    + " Defaults: `to` today, `from` one year before `to`, `granularity=week`.")
    public AgencyTimeline timeline(
            @PathParam("agencyId") UUID agencyId,
            @Parameter(description = "YYYY-MM-DD, the first day; default one year before `to`") @QueryParam("from")
                    LocalDate from,
            @Parameter(description = "YYYY-MM-DD, the last day; default today (UTC)") @QueryParam("to") LocalDate to,
            @Parameter(description = "day, week or month")
                    @QueryParam("granularity")
                    @DefaultValue("week")
                    @Pattern(regexp = Granularity.PATTERN, message = "must be day, week or month")
                    @Size(max = 5)
                    String granularity) {
        TimelineSpan span = TimelineSpan.of(from, to, granularity);
        compliance.requireKnown(agencyId);
        return timelines.agency(agencyId, span);
    }
}
