package org.onemind.compliance.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Roles;

/** Campaign-wide figures and operations, for campaign staff. */
@Path("/api/v1/compliance")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Campaign", description = "The campaign's figures across agencies, and re-evaluations of many agencies")
@RolesAllowed(Roles.CAMPAIGN_ADMIN)
public class CampaignResource {

    @Inject
    ComplianceQueries queries;

    @Inject
    RebuildService rebuilds;

    @GET
    @Path("/summary")
    @Operation(
            operationId = "getCampaignSummary",
            summary =
                    "Agencies by status and by completion forecast, per-practice met counts, eligible but not submitted, overdue (optionally one state)")
    public CampaignSummary summary(@QueryParam("state") @Size(max = 100) String state) {
        return queries.summary(state);
    }

    @POST
    @Path("/rebuild")
    @Operation(
            operationId = "startRebuild",
            summary =
                    "Recompute every evaluation from the read models (after a rule change or a restore); 202 with progress")
    @APIResponse(
            responseCode = "202",
            description = "The re-evaluation of every agency has started; follow it at Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RebuildService.RebuildStatus.class)),
            headers = {@Header(name = "Location", description = "Where the new resource is")})
    public Response rebuild() {
        RebuildService.RebuildStatus status = rebuilds.start("requested by a campaign admin");
        return Response.accepted(status)
                .location(java.net.URI.create("/api/v1/compliance/rebuild/" + status.id()))
                .build();
    }

    @GET
    @Path("/rebuild")
    @Operation(
            operationId = "listRebuilds",
            summary = "Re-evaluations of many agencies, newest first",
            description =
                    "Rebuilds, nightly runs, rule-edition changes and course reclassifications, with their progress"
                            + " (each re-evaluates its agencies in chunks; any replica answers). `state=RUNNING` lists those under way.")
    public List<RebuildService.RebuildStatus> rebuilds(
            @QueryParam("state")
                    @jakarta.validation.constraints.Pattern(
                            regexp = "RUNNING|DONE",
                            message = "must be RUNNING or DONE")
                    @Size(max = 7)
                    String state) {
        return rebuilds.recent(state, 50);
    }

    @GET
    @Path("/rebuild/{rebuildId}")
    @Operation(operationId = "getRebuild", summary = "Progress of a rebuild")
    public RebuildService.RebuildStatus rebuildStatus(@PathParam("rebuildId") UUID id) {
        return rebuilds.status(id).orElseThrow(() -> ApiException.notFound("rebuild", id));
    }
}
