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
import org.onemind.agency.directory.DirectoryResponses.PublicEntry;
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
            java.util.UUID agencyId,
            String name,
            String city,
            String state,
            AgencyType type,
            PledgeStatus status,
            LocalDate pledgedOn,
            LocalDate completedOn) {
        DirectoryEntry entry() {
            return new DirectoryEntry(
                    agencyId,
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

    /** The agency as the directory lists it, if it is listed (pledged or completed, not withdrawn). */
    public java.util.Optional<ListedRow> listed(java.util.UUID agencyId) {
        return em.createQuery(
                        "select a.id, a.name, a.city, a.state, a.type, p.status, p.pledgedOn, p.completedOn" + LISTED
                                + "p.status <> :withdrawn and a.id = :agency order by p.createdAt desc",
                        ListedRow.class)
                .setParameter("withdrawn", PledgeStatus.WITHDRAWN)
                .setParameter("agency", agencyId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    PublicUrls urls;

    @Inject
    org.onemind.agency.credential.CredentialService credentials;

    public java.util.Optional<PublicEntry> entry(java.util.UUID agencyId) {
        return listed(agencyId).map(row -> {
            DirectoryEntry entry = row.entry();
            java.util.Optional<org.onemind.agency.credential.CredentialResponses.AgencyCredential> credential =
                    credentials.latest(agencyId);
            String url = urls.directoryEntry(agencyId);
            String badgeUrl = urls.badge(agencyId);
            int inPlace = practicesInPlace(agencyId);
            Badge badge = badge(row, inPlace);
            String html = "<a href=\"" + url + "\"><img src=\"" + badgeUrl + "\" alt=\""
                    + badge.title().replace("\"", "&quot;") + "\" height=\"20\"></a>";
            return new PublicEntry(
                    agencyId,
                    entry.name(),
                    entry.city(),
                    entry.state(),
                    entry.type(),
                    entry.status(),
                    entry.pledgedOn(),
                    entry.completedOn(),
                    inPlace,
                    url,
                    badgeUrl,
                    html,
                    credential.map(c -> "urn:uuid:" + c.credentialId()).orElse(null),
                    credential.map(c -> c.status().name()).orElse(null),
                    credential.isPresent() ? urls.verification() : null);
        });
    }

    /** The badge of a listed agency; none for an agency the directory does not list. */
    public java.util.Optional<Badge> badge(java.util.UUID agencyId) {
        return listed(agencyId).map(row -> badge(row, practicesInPlace(agencyId)));
    }

    private Badge badge(ListedRow row, int practicesInPlace) {
        String agency = row.name() + " (" + row.city() + ", " + row.state() + ")";
        String entry = urls.directoryEntry(row.agencyId());
        return row.status() == PledgeStatus.COMPLETED && row.completedOn() != null
                ? Badge.completed(agency, row.completedOn(), entry)
                : Badge.pledged(agency, row.pledgedOn(), practicesInPlace, entry);
    }

    /** Practices met in compliance-service's latest evaluation of the agency (0 before its first). */
    int practicesInPlace(java.util.UUID agencyId) {
        org.onemind.agency.compliance.ComplianceStatus status =
                org.onemind.agency.compliance.ComplianceStatus.findById(agencyId);
        if (status == null || status.evaluation == null) {
            return 0;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode practices =
                    json.readTree(status.evaluation).path("practices");
            int met = 0;
            for (String practice : List.of("partnership", "policy", "mhfa", "cit")) {
                if (practices.path(practice).path("met").asBoolean(false)) {
                    met++;
                }
            }
            return met;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return 0;
        }
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
                        "select a.id, a.name, a.city, a.state, a.type, p.status, p.pledgedOn, p.completedOn" + LISTED
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
