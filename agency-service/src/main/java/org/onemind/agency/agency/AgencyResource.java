package org.onemind.agency.agency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.security.Caller;
import org.onemind.platform.security.Roles;

import java.util.UUID;

@Path("/api/v1/agencies")
@Tag(name = "Agencies")
public class AgencyResource {

    @Inject
    AgencyService agencies;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(summary = "Register an agency with its contacts")
    public Response register(@Valid @NotNull AgencyRequests.RegisterAgency request, @Context UriInfo uri) {
        Agency agency = agencies.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(agency.id.toString()).build())
                .tag(etag(agency))
                .type(MediaType.APPLICATION_JSON)
                .entity(AgencyResponse.of(agency))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(summary = "One agency, with its ETag for updates")
    public Response get(@PathParam("id") UUID id) {
        caller.requireAgency(id);
        Agency agency = agencies.find(id);
        return Response.ok(AgencyResponse.of(agency)).tag(etag(agency)).build();
    }

    static EntityTag etag(Agency agency) {
        return new EntityTag(String.valueOf(agency.version));
    }
}
