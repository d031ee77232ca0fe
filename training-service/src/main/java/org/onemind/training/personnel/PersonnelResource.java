package org.onemind.training.personnel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.Paging;
import org.onemind.platform.security.Roles;
import org.onemind.training.importing.CsvUpload;

@Path("/api/v1/agencies/{agencyId}/personnel")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Personnel", description = "An agency's sworn and non-sworn people: roster, imports and separations")
public class PersonnelResource {

    @Inject
    org.onemind.training.importing.ImportMetrics importMetrics;

    @Inject
    PersonnelService personnel;

    @Inject
    PersonnelQueries queries;

    @Inject
    org.onemind.training.importing.RosterImport rosterImport;

    @POST
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Add a person to the agency's roster")
    @APIResponse(
            responseCode = "201",
            description = "The person is on the roster",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonnelResponse.class)),
            headers = {
                @Header(name = "Location", description = "Where the new resource is"),
                @Header(name = "ETag", description = "Its version, for If-Match on a change")
            })
    @APIResponse(responseCode = "409", description = "The employee number is on the agency's roster already")
    public Response add(
            @PathParam("agencyId") UUID agencyId,
            @Valid @NotNull PersonnelRequests.AddPersonnel request,
            @Context UriInfo uri) {
        Personnel person = personnel.add(agencyId, request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(person.id.toString()).build())
                .entity(PersonnelResponse.of(person))
                .build();
    }

    @GET
    @Path("/{personnelId}")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "One person, with the ETag for updates")
    @APIResponse(
            responseCode = "200",
            description = "The person",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonnelResponse.class)),
            headers = {@Header(name = "ETag", description = "Its version, for If-Match on a change")})
    public Response get(@PathParam("agencyId") UUID agencyId, @PathParam("personnelId") UUID personnelId) {
        Personnel person = personnel.find(agencyId, personnelId);
        return Response.ok(PersonnelResponse.of(person))
                .tag(String.valueOf(person.version))
                .build();
    }

    @PATCH
    @Path("/{personnelId}")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Update a person; send the ETag you read as If-Match")
    @APIResponse(
            responseCode = "200",
            description = "The person as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonnelResponse.class)),
            headers = {@Header(name = "ETag", description = "Its version, for If-Match on a change")})
    @APIResponse(responseCode = "412", description = "If-Match names an older version: read the person again")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(
            @PathParam("agencyId") UUID agencyId,
            @PathParam("personnelId") UUID personnelId,
            @HeaderParam("If-Match") @Size(max = 100) String ifMatch,
            @Valid @NotNull PersonnelRequests.UpdatePersonnel request) {
        personnel.find(agencyId, personnelId); // an unknown person is 404 before any precondition
        Personnel person = personnel.update(
                agencyId, personnelId, org.onemind.platform.api.ETags.versionOf(ifMatch, "person"), request);
        return Response.ok(PersonnelResponse.of(person))
                .tag(String.valueOf(person.version))
                .build();
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", "application/csv"})
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            operationId = "importRoster",
            summary =
                    "Import a whole roster from CSV (header: employeeNumber,firstName,lastName,sworn,role,"
                            + "selectedForTraining,hiredOn); all or nothing, with every bad row reported; a re-import changes nothing")
    @RequestBody(
            required = true,
            description = "The roster as CSV, UTF-8, at most 20 MB and the configured number of rows",
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING, maxLength = CsvUpload.DEFAULT_MAX_BYTES),
                        example =
                                "employeeNumber,firstName,lastName,sworn,role,selectedForTraining,hiredOn\\nE-1001,Ada,Wells,true,Officer,false,2019-04-01\\n"),
                @Content(
                        mediaType = "application/csv",
                        schema = @Schema(type = SchemaType.STRING, maxLength = CsvUpload.DEFAULT_MAX_BYTES))
            })
    @APIResponse(
            responseCode = "413",
            description = "The file is larger than 20 MB or has more rows than the import takes")
    @APIResponse(responseCode = "200", description = "What the import changed")
    public org.onemind.training.importing.RosterImport.Report importRoster(
            @PathParam("agencyId") UUID agencyId, java.io.InputStream body) {
        return importMetrics.count(
                org.onemind.training.importing.ImportMetrics.ROSTER,
                () -> rosterImport.importRoster(agencyId, body),
                org.onemind.training.importing.RosterImport.Report::rows);
    }

    @POST
    @Path("/{personnelId}/separation")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Record that a person left the agency; they leave the counts from that date")
    @APIResponse(responseCode = "200", description = "The person as separated")
    @APIResponse(responseCode = "409", description = "The person separated already")
    public PersonnelResponse separate(
            @PathParam("agencyId") UUID agencyId,
            @PathParam("personnelId") UUID personnelId,
            @Valid @NotNull PersonnelRequests.Separate request) {
        return PersonnelResponse.of(personnel.separate(agencyId, personnelId, request));
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            summary =
                    "The roster; filter by sworn, active, trained=MHFA|CIT or missing=MHFA|CIT (a current certification in that category, or none)")
    public ListPage<PersonnelResponse> list(
            @PathParam("agencyId") UUID agencyId,
            @QueryParam("sworn") Boolean sworn,
            @QueryParam("active") Boolean active,
            @QueryParam("missing") org.onemind.training.course.Category missing,
            @QueryParam("trained") org.onemind.training.course.Category trained,
            @QueryParam("page") @DefaultValue("0") @Min(0) @jakarta.validation.constraints.Max(Paging.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.list(agencyId, sworn, active, missing, trained, page, size);
    }
}
