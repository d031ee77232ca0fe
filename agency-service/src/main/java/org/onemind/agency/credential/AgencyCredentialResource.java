package org.onemind.agency.credential;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/credential")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Credentials")
public class AgencyCredentialResource {

    @Inject
    CredentialService credentials;

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            operationId = "getAgencyCredential",
            summary = "The agency's completion credential (Open Badges 3.0, as a JWT for a wallet) and its status")
    public CredentialResponses.AgencyCredential credential(@PathParam("agencyId") UUID agencyId) {
        return credentials.latest(agencyId).orElseThrow(() -> ApiException.notFound("credential of agency", agencyId));
    }
}
