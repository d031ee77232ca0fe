package org.onemind.agency.member;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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
import org.onemind.agency.member.MemberRequests.InviteMember;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/members")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "People of an agency or partner organization who sign in, and their invitations")
public class MemberResource {

    @Inject
    MemberService members;

    @POST
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            summary = "Invite a person as a manager of the agency",
            description = "Keycloak emails them a link to set their password (valid three days by default). "
                    + "Inviting someone who already manages this agency answers 200 with the member and sends nothing.")
    @APIResponse(
            responseCode = "201",
            description = "The person is invited (an email with a link to set a password is on its way)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberResponse.class)),
            headers = {@Header(name = "Location", description = "Where the new resource is")})
    @APIResponse(
            responseCode = "200",
            description = "The person was already invited: the invitation as it stands",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The person already manages another agency, or the email or user name is taken")
    public Response invite(
            @PathParam("agencyId") UUID agencyId, @Valid @NotNull InviteMember request, @Context UriInfo uri) {
        MemberService.Invitation invitation = members.invite(agencyId, request);
        if (!invitation.created()) {
            return Response.ok(invitation.member()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(invitation.member().id().toString())
                        .build())
                .entity(invitation.member())
                .build();
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "The agency's managers, invited and active")
    public ListPage<MemberResponse> list(@PathParam("agencyId") UUID agencyId) {
        List<MemberResponse> items = members.list(agencyId);
        return new ListPage<>(items, 0, items.size(), items.size());
    }

    @DELETE
    @Path("/{memberId}")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            summary = "Remove a manager: the role and the agency go at once, their sessions end, "
                    + "and access tokens already issued expire within their lifespan (5 minutes)")
    @APIResponse(responseCode = "204", description = "The member is removed and their access revoked")
    public Response remove(@PathParam("agencyId") UUID agencyId, @PathParam("memberId") UUID memberId) {
        members.remove(agencyId, memberId);
        return Response.noContent().build();
    }
}
