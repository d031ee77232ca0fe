package org.onemind.agency.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.agency.agency.AgencyService;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.Paging;
import org.onemind.platform.api.SqlValues;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/history")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "History")
public class HistoryResource {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    AgencyService agencies;

    public record Change(Instant at, String by, String what, JsonNode before, JsonNode after) {}

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Every change to the agency, its pledge, partnerships and policy, newest first")
    @SuppressWarnings("unchecked")
    public ListPage<Change> history(
            @PathParam("agencyId") UUID agencyId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @jakarta.validation.constraints.Max(Paging.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        agencies.find(agencyId);
        long total = ((Number) em.createNativeQuery("select count(*) from history where agency_id = ?1")
                        .setParameter(1, agencyId)
                        .getSingleResult())
                .longValue();
        List<Object[]> rows = em.createNativeQuery("select at, by_user, what, before_state, after_state from history"
                        + " where agency_id = ?1 order by at desc, id desc")
                .setParameter(1, agencyId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        List<Change> items = rows.stream()
                .map(r -> new Change(
                        SqlValues.instant(r[0]), (String) r[1], (String) r[2], read((String) r[3]), read((String)
                                r[4])))
                .toList();
        return new ListPage<>(items, page, size, total);
    }

    private JsonNode read(String state) {
        try {
            return state == null ? null : json.readTree(state);
        } catch (Exception e) {
            return null;
        }
    }
}
