package org.onemind.notification.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.api.Paging;
import org.onemind.platform.security.Roles;

@Path("/api/v1")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "The emails the platform sends, and which kinds each contact receives")
public class NotificationResource {

    @Inject
    DeliveryService deliveries;

    @GET
    @Path("/agencies/{agencyId}/notifications")
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            operationId = "listNotifications",
            summary = "The delivery log: every email about the agency and what became of it, newest first")
    public ListPage<NotificationResponse> log(
            @PathParam("agencyId") UUID agencyId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @jakarta.validation.constraints.Max(Paging.MAX_PAGE)
                    int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return deliveries.log(agencyId, page, size);
    }

    @POST
    @Path("/notifications/{notificationId}/resend")
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(summary = "Send a failed email again (or an already sent one, once more)")
    @APIResponse(responseCode = "200", description = "The email, queued again")
    @APIResponse(responseCode = "409", description = "The email is still being delivered")
    public NotificationResponse resend(@PathParam("notificationId") UUID id) {
        return NotificationResponse.of(deliveries.resend(id));
    }
}
