package org.onemind.compliance.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.security.Roles;

@Path("/api/v1/compliance/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaign")
@RolesAllowed(Roles.CAMPAIGN_ADMIN)
public class CampaignTimelineResource {

    @Inject
    TimelineQueries timelines;

    @GET
    @Operation(
            operationId = "getCampaignTimeline",
            summary =
                    "The campaign's figures over time, nationally or for one state: agencies, met counts, training totals",
            description = "One point per day, week (ending Sunday) or month, each the figures at the end of that UTC"
                    + " day summed over the agencies evaluated by then (their state as it is now). At most 1,100"
                    + " points. Defaults: `to` today, `from` one year before `to`, `granularity=week`.")
    public CampaignTimeline timeline(
            @Parameter(description = "Two-letter state; all states when absent") @QueryParam("state") @Size(max = 100)
                    String state,
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
        return timelines.campaign(state, span);
    }
}
