package org.onemind.agency.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.onemind.agency.agency.AgencyService;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.SqlValues;

/** An agency's history, newest first: the read side of {@link HistoryLog}. */
@jakarta.enterprise.context.ApplicationScoped
public class HistoryQueries {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    AgencyService agencies;

    @SuppressWarnings("unchecked")
    public ListPage<Change> history(UUID agencyId, int page, int size) {
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
