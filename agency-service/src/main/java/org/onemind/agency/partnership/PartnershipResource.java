package org.onemind.agency.partnership;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.agency.partnership.PartnershipRequests.EndPartnership;
import org.onemind.agency.partnership.PartnershipRequests.EstablishPartnership;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/partnerships")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(
        name = "Partnerships",
        description = "An agency's partnership with a mental-health organization (the first practice)")
public class PartnershipResource {

    @Inject
    PartnershipService partnerships;

    @POST
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Record an MOU with a mental-health provider")
    @APIResponse(
            responseCode = "201",
            description = "The partnership is established",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnershipResponse.class)),
            headers = {@Header(name = "Location", description = "Where the new resource is")})
    @APIResponse(
            responseCode = "409",
            description = "The agency already has an active partnership with this organization")
    public Response establish(
            @PathParam("agencyId") UUID agencyId, @Valid @NotNull EstablishPartnership request, @Context UriInfo uri) {
        PartnershipResponse created = partnerships.establish(agencyId, request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(summary = "The agency's partnerships, current and ended")
    public ListPage<PartnershipResponse> list(@PathParam("agencyId") UUID agencyId) {
        List<PartnershipResponse> items = partnerships.list(agencyId);
        return new ListPage<>(items, 0, items.size(), items.size());
    }

    @POST
    @Path("/{partnershipId}/end")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "End a partnership on a date, with the reason")
    @APIResponse(responseCode = "200", description = "The partnership as ended")
    @APIResponse(responseCode = "409", description = "The partnership already ended")
    public PartnershipResponse end(
            @PathParam("agencyId") UUID agencyId,
            @PathParam("partnershipId") UUID partnershipId,
            @Valid @NotNull EndPartnership request) {
        return partnerships.end(agencyId, partnershipId, request);
    }
}
