package org.onemind.agency.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onemind.agency.agency.AgencyType;
import org.onemind.agency.directory.DirectoryResponses.DirectoryEntry;
import org.onemind.agency.directory.DirectoryResponses.ListedStatus;
import org.onemind.agency.directory.DirectoryResponses.StateTotals;
import org.onemind.agency.directory.DirectoryResponses.Stats;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.contract.PledgeStatus;

/** The directory's reads: pledged and completed agencies (never withdrawn ones), public fields only. */
@ApplicationScoped
public class DirectoryQueries {
    private static final String LISTED = " from Pledge p join Agency a on a.id = p.agencyId where ";

    @Inject
    EntityManager em;

    /** One listed agency as the query reads it. */
    public record ListedRow(
            String name,
            String city,
            String state,
            AgencyType type,
            PledgeStatus status,
            LocalDate pledgedOn,
            LocalDate completedOn) {
        DirectoryEntry entry() {
            return new DirectoryEntry(
                    name,
                    city,
                    state,
                    type.name(),
                    status == PledgeStatus.COMPLETED ? ListedStatus.COMPLETED : ListedStatus.PLEDGED,
                    pledgedOn,
                    completedOn);
        }
    }

    public ListPage<DirectoryEntry> page(String state, ListedStatus status, int page, int size) {
        return new ListPage<>(entries(state, status, page * size, size), page, size, count(state, status));
    }

    /** Every listed agency of the filter, at most {@code limit}, by state and name. */
    public List<DirectoryEntry> all(String state, ListedStatus status, int limit) {
        return entries(state, status, 0, limit);
    }

    public List<DirectoryEntry> recent(ListedStatus kind, int limit) {
        Filter filter = kind == ListedStatus.COMPLETED
                ? new Filter("p.status = :completed", Map.of("completed", PledgeStatus.COMPLETED))
                : new Filter("p.status <> :withdrawn", Map.of("withdrawn", PledgeStatus.WITHDRAWN));
        String order = kind == ListedStatus.COMPLETED ? "p.completedOn desc" : "p.pledgedOn desc";
        return list(filter, order, 0, limit);
    }

    public Stats stats() {
        List<StateTotals> byState = em.createQuery(
                        "select a.state, count(*), count(*) filter (where p.status = :completed)" + LISTED
                                + "p.status <> :withdrawn group by a.state order by a.state",
                        StateTotals.class)
                .setParameter("completed", PledgeStatus.COMPLETED)
                .setParameter("withdrawn", PledgeStatus.WITHDRAWN)
                .getResultList();
        return new Stats(
                byState.stream().mapToLong(StateTotals::pledged).sum(),
                byState.stream().mapToLong(StateTotals::completed).sum(),
                byState);
    }

    private List<DirectoryEntry> entries(String state, ListedStatus status, int offset, int limit) {
        return list(filter(state, status), "a.state, a.name, a.id", offset, limit);
    }

    private long count(String state, ListedStatus status) {
        Filter filter = filter(state, status);
        return filter.bind(em.createQuery("select count(*)" + LISTED + filter.where(), Long.class))
                .getSingleResult();
    }

    /** An HQL condition and its parameters. */
    private record Filter(String where, Map<String, Object> parameters) {
        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    private static Filter filter(String state, ListedStatus status) {
        StringBuilder where = new StringBuilder("p.status <> :withdrawn");
        Map<String, Object> parameters = new HashMap<>(Map.of("withdrawn", PledgeStatus.WITHDRAWN));
        if (state != null && !state.isBlank()) {
            where.append(" and upper(a.state) = :state");
            parameters.put("state", state.trim().toUpperCase(Locale.ROOT));
        }
        if (status != null) {
            where.append(
                    status == ListedStatus.COMPLETED ? " and p.status = :completed" : " and p.status <> :completed");
            parameters.put("completed", PledgeStatus.COMPLETED);
        }
        return new Filter(where.toString(), parameters);
    }

    private List<DirectoryEntry> list(Filter filter, String order, int offset, int limit) {
        return filter
                .bind(em.createQuery(
                        "select a.name, a.city, a.state, a.type, p.status, p.pledgedOn, p.completedOn" + LISTED
                                + filter.where() + " order by " + order,
                        ListedRow.class))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(ListedRow::entry)
                .toList();
    }
}
