package org.onemind.agency.agency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.Paging;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "Law enforcement agencies: registration, their details and contacts")
public class AgencyResource {

    @Inject
    AgencyService agencies;

    @POST
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(summary = "Register an agency with its contacts")
    @APIResponse(
            responseCode = "201",
            description = "The agency is registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyResponse.class)),
            headers = {
                @Header(name = "Location", description = "Where the new resource is"),
                @Header(name = "ETag", description = "Its version, for If-Match on a change")
            })
    public Response register(@Valid @NotNull AgencyRequests.RegisterAgency request, @Context UriInfo uri) {
        Agency agency = agencies.register(request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(agency.id.toString()).build())
                .tag(etag(agency))
                .type(MediaType.APPLICATION_JSON)
                .entity(AgencyResponse.of(agency))
                .build();
    }

    @GET
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(summary = "Search agencies by state, pledge status (or NOT_PLEDGED) and name")
    public ListPage<AgencyResponse> search(
            @QueryParam("state") @Size(max = 100) String state,
            @QueryParam("status") @Size(max = 30) String status,
            @QueryParam("q") @Size(max = 300) String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) @jakarta.validation.constraints.Max(Paging.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var found = agencies.search(state, status, q);
        return new ListPage<>(
                found.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                        .map(AgencyResponse::of)
                        .toList(),
                page,
                size,
                found.count());
    }

    @GET
    @Path("/{agencyId}")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(summary = "One agency, with its ETag for updates")
    @APIResponse(
            responseCode = "200",
            description = "The agency",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyResponse.class)),
            headers = {@Header(name = "ETag", description = "Its version, for If-Match on a change")})
    public Response get(@PathParam("agencyId") UUID id) {
        Agency agency = agencies.find(id);
        return Response.ok(AgencyResponse.of(agency)).tag(etag(agency)).build();
    }

    @PATCH
    @Path("/{agencyId}")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Update an agency; send the ETag you read as If-Match")
    @APIResponse(
            responseCode = "200",
            description = "The agency as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyResponse.class)),
            headers = {@Header(name = "ETag", description = "Its version, for If-Match on a change")})
    @APIResponse(responseCode = "412", description = "If-Match names an older version: read the agency again")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(
            @PathParam("agencyId") UUID id,
            @HeaderParam("If-Match") @Size(max = 100) String ifMatch,
            @Valid @NotNull AgencyRequests.UpdateAgency request) {
        agencies.find(id); // an unknown agency is 404 before any precondition
        Agency agency = agencies.update(id, org.onemind.platform.api.ETags.versionOf(ifMatch, "agency"), request);
        return Response.ok(AgencyResponse.of(agency)).tag(etag(agency)).build();
    }

    static EntityTag etag(Agency agency) {
        return new EntityTag(String.valueOf(agency.version));
    }
}
