package org.onemind.agency.pledge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/pledge")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(
        name = "Pledges",
        description = "An agency's pledge to put the four practices in place, its target date and withdrawal")
public class PledgeResource {

    @Inject
    PledgeService pledges;

    @PUT
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Take the pledge: target completion 12 to 36 months after the pledge date")
    @APIResponse(
            responseCode = "201",
            description = "The pledge is taken",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PledgeResponse.class)))
    @APIResponse(responseCode = "409", description = "The agency already has an open pledge")
    public Response take(@PathParam("agencyId") UUID agencyId, @Valid @NotNull PledgeRequests.TakePledge request) {
        Pledge pledge = pledges.take(agencyId, request);
        return Response.status(Response.Status.CREATED)
                .entity(PledgeResponse.of(pledge))
                .build();
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(
            summary = "The agency's pledge with its status and deadline status: the active one, or else the one"
                    + " withdrawn last (status WITHDRAWN); 404 when the agency never pledged")
    public PledgeResponse get(@PathParam("agencyId") UUID agencyId) {
        return PledgeResponse.of(pledges.current(agencyId));
    }

    @POST
    @Path("/withdrawal")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Withdraw the active pledge, with the reason")
    @APIResponse(responseCode = "200", description = "The pledge as withdrawn")
    @APIResponse(responseCode = "409", description = "A completed pledge cannot be withdrawn")
    public PledgeResponse withdraw(
            @PathParam("agencyId") UUID agencyId, @Valid @NotNull PledgeRequests.Withdraw request) {
        return PledgeResponse.of(pledges.withdraw(agencyId, request));
    }
}
