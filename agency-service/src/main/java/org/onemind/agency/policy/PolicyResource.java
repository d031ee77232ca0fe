package org.onemind.agency.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/policy")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Policy", description = "The agency's model policy and the components it covers")
public class PolicyResource {

    @Inject
    PolicyService policies;

    @PUT
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Record the agency's adopted policy and the model-policy components it covers")
    public PolicyResponse adopt(
            @PathParam("agencyId") UUID agencyId, @Valid @NotNull PolicyRequests.AdoptPolicy request) {
        return policies.adopt(agencyId, request);
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(summary = "The agency's policy")
    public PolicyResponse get(@PathParam("agencyId") UUID agencyId) {
        return policies.get(agencyId);
    }
}
