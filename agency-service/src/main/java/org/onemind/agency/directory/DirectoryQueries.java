package org.onemind.agency.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onemind.agency.directory.DirectoryResponses.DirectoryEntry;
import org.onemind.agency.directory.DirectoryResponses.ListedStatus;
import org.onemind.agency.directory.DirectoryResponses.StateTotals;
import org.onemind.agency.directory.DirectoryResponses.Stats;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.SqlValues;

/** The directory's reads: pledged and completed agencies (never withdrawn ones), public fields only. */
@ApplicationScoped
public class DirectoryQueries {

    @Inject
    EntityManager em;

    public ListPage<DirectoryEntry> page(String state, ListedStatus status, int page, int size) {
        return new ListPage<>(entries(state, status, page * size, size), page, size, count(state, status));
    }

    /** Every listed agency of the filter, at most {@code limit}, by state and name. */
    public List<DirectoryEntry> all(String state, ListedStatus status, int limit) {
        return entries(state, status, 0, limit);
    }

    public List<DirectoryEntry> recent(ListedStatus kind, int limit) {
        String order = kind == ListedStatus.COMPLETED ? "p.completed_on desc" : "p.pledged_on desc";
        String where = kind == ListedStatus.COMPLETED ? "p.status = 'COMPLETED'" : "p.status <> 'WITHDRAWN'";
        return query(where, List.of(), order, 0, limit);
    }

    @SuppressWarnings("unchecked")
    public Stats stats() {
        List<Object[]> rows = em.createNativeQuery(
                        "select a.state, count(*), count(*) filter (where p.status = 'COMPLETED')"
                                + " from pledge p join agency a on a.id = p.agency_id where p.status <> 'WITHDRAWN'"
                                + " group by a.state order by a.state")
                .getResultList();
        List<StateTotals> byState = rows.stream()
                .map(r -> new StateTotals((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
        return new Stats(
                byState.stream().mapToLong(StateTotals::pledged).sum(),
                byState.stream().mapToLong(StateTotals::completed).sum(),
                byState);
    }

    private List<DirectoryEntry> entries(String state, ListedStatus status, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        return query(where(state, status, params), params, "a.state, a.name, a.id", offset, limit);
    }

    private long count(String state, ListedStatus status) {
        List<Object> params = new ArrayList<>();
        var query = em.createNativeQuery("select count(*) from pledge p join agency a on a.id = p.agency_id where "
                + where(state, status, params));
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String where(String state, ListedStatus status, List<Object> params) {
        StringBuilder where = new StringBuilder("p.status <> 'WITHDRAWN'");
        if (state != null && !state.isBlank()) {
            params.add(state.trim().toUpperCase(Locale.ROOT));
            where.append(" and upper(a.state) = ?").append(params.size());
        }
        if (status == ListedStatus.COMPLETED) {
            where.append(" and p.status = 'COMPLETED'");
        } else if (status == ListedStatus.PLEDGED) {
            where.append(" and p.status <> 'COMPLETED'");
        }
        return where.toString();
    }

    @SuppressWarnings("unchecked")
    private List<DirectoryEntry> query(String where, List<Object> params, String order, int offset, int limit) {
        var query =
                em.createNativeQuery("select a.name, a.city, a.state, a.type, p.status, p.pledged_on, p.completed_on"
                        + " from pledge p join agency a on a.id = p.agency_id where " + where + " order by " + order);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<Object[]> rows = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream()
                .map(r -> new DirectoryEntry(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        "COMPLETED".equals(r[4]) ? ListedStatus.COMPLETED : ListedStatus.PLEDGED,
                        SqlValues.localDate(r[5]),
                        SqlValues.localDate(r[6])))
                .toList();
    }
}
