package org.onemind.compliance.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Roles;

/** Campaign-wide figures and operations, for campaign staff. */
@Path("/api/v1/compliance")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Campaign")
@RolesAllowed(Roles.CAMPAIGN_ADMIN)
public class CampaignResource {

    @Inject
    EntityManager em;

    @Inject
    RebuildService rebuilds;

    public record Summary(
            String state,
            long agencies,
            Map<String, Long> byPledgeStatus,
            Map<String, Long> byDeadlineStatus,
            Map<String, Long> practiceMet,
            long eligible,
            long eligibleNotSubmitted,
            long overdue) {}

    @GET
    @Path("/summary")
    @Operation(
            summary =
                    "Agencies by status, per-practice met counts, eligible but not submitted, overdue (optionally one state)")
    @SuppressWarnings("unchecked")
    public Summary summary(@QueryParam("state") String state) {
        String where = state == null || state.isBlank() ? "" : " where upper(a.state) = ?1";
        var query = em.createNativeQuery("select coalesce(a.pledge_status, 'NOT_PLEDGED'), e.deadline_status,"
                + " e.partnership_met, e.policy_met, e.mhfa_met, e.cit_met, e.eligible"
                + " from evaluation e join agency_view a on a.agency_id = e.agency_id" + where);
        if (!where.isEmpty()) {
            query.setParameter(1, state.trim().toUpperCase(Locale.ROOT));
        }
        List<Object[]> rows = query.getResultList();
        Map<String, Long> byPledge = new LinkedHashMap<>();
        Map<String, Long> byDeadline = new LinkedHashMap<>();
        Map<String, Long> met = new LinkedHashMap<>(Map.of("PARTNERSHIP", 0L, "POLICY", 0L, "MHFA", 0L, "CIT", 0L));
        long eligible = 0;
        long eligibleNotSubmitted = 0;
        long overdue = 0;
        for (Object[] r : rows) {
            byPledge.merge((String) r[0], 1L, Long::sum);
            byDeadline.merge((String) r[1], 1L, Long::sum);
            String[] practices = {"PARTNERSHIP", "POLICY", "MHFA", "CIT"};
            for (int i = 0; i < practices.length; i++) {
                if ((Boolean) r[2 + i]) {
                    met.merge(practices[i], 1L, Long::sum);
                }
            }
            if ((Boolean) r[6]) {
                eligible++;
                if ("PLEDGED".equals(r[0])) {
                    eligibleNotSubmitted++;
                }
            }
            if ("OVERDUE".equals(r[1])) {
                overdue++;
            }
        }
        return new Summary(
                state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT),
                rows.size(),
                byPledge,
                byDeadline,
                met,
                eligible,
                eligibleNotSubmitted,
                overdue);
    }

    @POST
    @Path("/rebuild")
    @Operation(
            summary =
                    "Recompute every evaluation from the read models (after a rule change or a restore); 202 with progress")
    public Response rebuild() {
        RebuildService.RebuildStatus status = rebuilds.start("requested by a campaign admin");
        return Response.accepted(status)
                .location(java.net.URI.create("/api/v1/compliance/rebuild/" + status.id()))
                .build();
    }

    @GET
    @Path("/rebuild")
    @Operation(
            summary = "Re-evaluations of many agencies, newest first",
            description =
                    "Rebuilds, nightly runs, rule-edition changes and course reclassifications, with their progress"
                            + " (each re-evaluates its agencies in chunks; any replica answers). `state=RUNNING` lists those under way.")
    public List<RebuildService.RebuildStatus> rebuilds(
            @QueryParam("state")
                    @jakarta.validation.constraints.Pattern(
                            regexp = "RUNNING|DONE",
                            message = "must be RUNNING or DONE")
                    String state) {
        return rebuilds.recent(state, 50);
    }

    @GET
    @Path("/rebuild/{rebuildId}")
    @Operation(summary = "Progress of a rebuild")
    public RebuildService.RebuildStatus rebuildStatus(@PathParam("rebuildId") UUID id) {
        return rebuilds.status(id).orElseThrow(() -> ApiException.notFound("rebuild", id));
    }
}
