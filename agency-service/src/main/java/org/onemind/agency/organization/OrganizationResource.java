package org.onemind.agency.organization;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.Paging;
import org.onemind.platform.security.Roles;

@Path("/api/v1/organizations")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "Mental-health organizations that partner with agencies")
public class OrganizationResource {

    @Inject
    OrganizationService organizations;

    @POST
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(summary = "Add a mental-health provider, supporting organization or partnering association")
    @APIResponse(
            responseCode = "201",
            description = "The organization is registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrganizationResponse.class)),
            headers = {@Header(name = "Location", description = "Where the new resource is")})
    public Response create(@Valid @NotNull OrganizationRequests.CreateOrganization request, @Context UriInfo uri) {
        OrganizationResponse created = organizations.create(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Organizations, optionally of one kind (public)")
    public ListPage<OrganizationResponse> list(
            @QueryParam("kind") OrganizationKind kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) @jakarta.validation.constraints.Max(Paging.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return organizations.list(kind, page, size);
    }

    @GET
    @Path("/{organizationId}")
    @PermitAll
    @Operation(summary = "One organization (public)")
    public OrganizationResponse get(@PathParam("organizationId") UUID id) {
        return organizations.get(id);
    }
}
