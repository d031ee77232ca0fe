package org.onemind.agency.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.agency.directory.DirectoryResponses.DirectoryEntry;
import org.onemind.agency.directory.DirectoryResponses.ListedStatus;
import org.onemind.agency.directory.DirectoryResponses.Stats;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.Paging;

/** The public directory: pledged and completed agencies, public fields only, no token needed. */
@Path("/api/v1/directory")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Public directory", description = "Pledged and completed agencies as the public sees them; no token needed")
@PermitAll
public class DirectoryResource {
    private static final int CSV_LIMIT = 100_000;

    @Inject
    DirectoryQueries directory;

    @GET
    @Path("/agencies")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listDirectoryAgencies",
            summary = "Pledged and completed agencies by state and status (ask for text/csv to get CSV)")
    public ListPage<DirectoryEntry> agencies(
            @QueryParam("state") @Size(max = 100) String state,
            @QueryParam("status") ListedStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @jakarta.validation.constraints.Max(Paging.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return directory.page(state, status, page, size);
    }

    @GET
    @Path("/agencies")
    @Produces("text/csv")
    @Operation(summary = "The same list as CSV")
    @APIResponse(
            responseCode = "200",
            description = "One line per agency, with a header line",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = SchemaType.STRING),
                            example =
                                    "name,city,state,type,status,pledgedOn,completedOn\nMacon Police Department,Macon,GA,MUNICIPAL_POLICE,PLEDGED,2026-03-01,\n"))
    public Response agenciesCsv(
            @QueryParam("state") @Size(max = 100) String state, @QueryParam("status") ListedStatus status) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader("name", "city", "state", "type", "status", "pledgedOn", "completedOn")
                        .get())) {
            for (DirectoryEntry e : directory.all(state, status, CSV_LIMIT)) {
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
    @Operation(operationId = "listRecentlyListedAgencies", summary = "The most recently pledged or completed agencies")
    public List<DirectoryEntry> recent(
            @QueryParam("kind") @DefaultValue("PLEDGED") ListedStatus kind,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        return directory.recent(kind, limit);
    }

    @GET
    @Path("/stats")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDirectoryStats", summary = "Campaign totals: agencies pledged and completed, by state")
    public Stats stats() {
        return directory.stats();
    }

    /** A cell that starts like a formula is prefixed, so a spreadsheet shows it as text. */
    static String safe(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
