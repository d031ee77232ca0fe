package org.onemind.agency.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.Paging;
import org.onemind.platform.api.SqlValues;

/** The public directory: pledged and completed agencies, public fields only, no token needed. */
@Path("/api/v1/directory")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Public directory")
@PermitAll
public class DirectoryResource {
    private static final int CSV_LIMIT = 100_000;

    @Inject
    EntityManager em;

    public enum ListedStatus {
        PLEDGED,
        COMPLETED
    }

    public record DirectoryEntry(
            String name,
            String city,
            String state,
            String type,
            ListedStatus status,
            LocalDate pledgedOn,
            LocalDate completedOn) {}

    public record StateTotals(String state, long pledged, long completed) {}

    public record Stats(long pledged, long completed, List<StateTotals> byState) {}

    @GET
    @Path("/agencies")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pledged and completed agencies by state and status (ask for text/csv to get CSV)")
    public ListPage<DirectoryEntry> agencies(
            @QueryParam("state") String state,
            @QueryParam("status") ListedStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @jakarta.validation.constraints.Max(Paging.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return new ListPage<>(entries(state, status, page * size, size), page, size, count(state, status));
    }

    @GET
    @Path("/agencies")
    @Produces("text/csv")
    @Operation(summary = "The same list as CSV")
    public Response agenciesCsv(@QueryParam("state") String state, @QueryParam("status") ListedStatus status) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader("name", "city", "state", "type", "status", "pledgedOn", "completedOn")
                        .get())) {
            for (DirectoryEntry e : entries(state, status, 0, CSV_LIMIT)) {
                csv.printRecord(
                        safe(e.name()),
                        safe(e.city()),
                        safe(e.state()),
                        e.type(),
                        e.status(),
                        e.pledgedOn(),
                        e.completedOn());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"one-mind-agencies.csv\"")
                .build();
    }

    @GET
    @Path("/recent")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The most recently pledged or completed agencies")
    public List<DirectoryEntry> recent(
            @QueryParam("kind") @DefaultValue("PLEDGED") ListedStatus kind,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        String order = kind == ListedStatus.COMPLETED ? "p.completed_on desc" : "p.pledged_on desc";
        String where = kind == ListedStatus.COMPLETED ? "p.status = 'COMPLETED'" : "p.status <> 'WITHDRAWN'";
        return query(where, List.of(), order, 0, limit);
    }

    @GET
    @Path("/stats")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Campaign totals: agencies pledged and completed, by state")
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

    /** A cell that starts like a formula is prefixed, so a spreadsheet shows it as text. */
    static String safe(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
