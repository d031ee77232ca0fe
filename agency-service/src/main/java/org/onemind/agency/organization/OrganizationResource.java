package org.onemind.agency.organization;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.Paging;
import org.onemind.platform.security.Roles;

@Path("/api/v1/organizations")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Organizations")
public class OrganizationResource {

    public record CreateOrganization(
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganizationKind kind,
            @Size(max = 100) String city,
            @Size(max = 100) String state,

            @Size(max = 300) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String website) {}

    public record OrganizationResponse(
            UUID id, String name, OrganizationKind kind, String city, String state, String website) {
        static OrganizationResponse of(Organization o) {
            return new OrganizationResponse(o.id, o.name, o.kind, o.city, o.state, o.website);
        }
    }

    @POST
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Transactional
    @Operation(summary = "Add a mental-health provider, supporting organization or partnering association")
    public Response create(@Valid @NotNull CreateOrganization request, @Context UriInfo uri) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = request.name().trim();
        organization.kind = request.kind();
        organization.city = request.city();
        organization.state = request.state();
        organization.website = request.website();
        organization.createdAt = Instant.now();
        organization.persist();
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(organization.id.toString())
                        .build())
                .entity(OrganizationResponse.of(organization))
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
        var found = kind == null
                ? Organization.<Organization>findAll(Sort.by("name").and("id"))
                : Organization.<Organization>find("kind", Sort.by("name").and("id"), kind);
        return new ListPage<>(
                found.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                        .map(OrganizationResponse::of)
                        .toList(),
                page,
                size,
                found.count());
    }

    @GET
    @Path("/{organizationId}")
    @PermitAll
    @Operation(summary = "One organization (public)")
    public OrganizationResponse get(@PathParam("organizationId") UUID id) {
        return OrganizationResponse.of(Organization.require(id));
    }
}
