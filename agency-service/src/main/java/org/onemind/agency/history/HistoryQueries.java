package org.onemind.agency.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.onemind.agency.agency.AgencyService;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.tx.Jdbc;

/** An agency's history, newest first: the read side of {@link HistoryLog}. */
@jakarta.enterprise.context.ApplicationScoped
public class HistoryQueries {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    AgencyService agencies;

    public ListPage<Change> history(UUID agencyId, int page, int size) {
        agencies.find(agencyId);
        return Jdbc.page(
                em,
                "at, by_user, what, before_state, after_state",
                "from history where agency_id = ?",
                "at desc, id desc",
                row -> new Change(
                        row.getObject(1, OffsetDateTime.class).toInstant(),
                        row.getString(2),
                        row.getString(3),
                        read(row.getString(4)),
                        read(row.getString(5))),
                page,
                size,
                agencyId);
    }

    private JsonNode read(String state) {
        try {
            return state == null ? null : json.readTree(state);
        } catch (Exception e) {
            return null;
        }
    }
}
