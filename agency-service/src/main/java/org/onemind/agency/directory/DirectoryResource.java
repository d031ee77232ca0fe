package org.onemind.agency.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
    private static final String BADGE_TYPE = "image/svg+xml";

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
    @Path("/agencies/{agencyId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getDirectoryAgency",
            summary = "A listed agency's public entry: its status, practices in place, and its badge to embed")
    public DirectoryResponses.PublicEntry agency(@PathParam("agencyId") UUID agencyId) {
        return directory.entry(agencyId).orElseThrow(() -> notListed(agencyId));
    }

    @GET
    @Path("/agencies/{agencyId}/badge.svg")
    @Produces(BADGE_TYPE)
    @Operation(
            operationId = "getDirectoryAgencyBadge",
            summary = "The agency's badge for its website (SVG): its pledge and practices in place, or its completion",
            description = "\"One Mind pledge — n of 4 practices\" while pledged, \"One Mind Campaign — completed"
                    + " <year>\" once the campaign verified its completion; linked to the agency's public entry."
                    + " Cached for 5 minutes; send the ETag back as If-None-Match to get 304 when it has not"
                    + " changed. 404 for an agency the directory does not list.")
    @APIResponse(
            responseCode = "200",
            description = "The badge",
            content = @Content(mediaType = BADGE_TYPE, schema = @Schema(type = SchemaType.STRING)),
            headers = {
                @Header(name = "ETag", description = "The badge's version, for If-None-Match"),
                @Header(name = "Cache-Control", description = "public, max-age=300")
            })
    @APIResponse(responseCode = "304", description = "The badge has not changed since the ETag sent in If-None-Match")
    public Response badge(
            @PathParam("agencyId") UUID agencyId, @HeaderParam("If-None-Match") @Size(max = 200) String ifNoneMatch) {
        Badge badge = directory.badge(agencyId).orElseThrow(() -> notListed(agencyId));
        String svg = badge.svg();
        String etag = Badge.etagOf(svg);
        boolean unchanged = ifNoneMatch != null
                && java.util.Arrays.stream(ifNoneMatch.split(","))
                        .map(String::trim)
                        .anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag) || tag.equals("*"));
        Response.ResponseBuilder response =
                unchanged ? Response.notModified() : Response.ok(svg, BADGE_TYPE + ";charset=UTF-8");
        return response.header("ETag", etag)
                // Any cache may keep it (it is public), and must ask again after five minutes.
                .header("Cache-Control", "public, max-age=300")
                // Served from our host, an SVG could run script if it had any: say it may not.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .build();
    }

    private static org.onemind.platform.problem.ApiException notListed(UUID agencyId) {
        return org.onemind.platform.problem.ApiException.notFound("listed agency", agencyId);
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
