package org.onemind.notification.recipient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/notification-preferences")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "The emails the platform sends, and which kinds each contact receives")
public class PreferencesResource {

    @Inject
    PreferenceService preferences;

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            operationId = "getNotificationPreferences",
            summary = "Which kinds of email each contact of the agency receives")
    public List<ContactPreferences> get(@PathParam("agencyId") UUID agencyId) {
        return preferences.get(agencyId);
    }

    @PUT
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            operationId = "setNotificationPreferences",
            summary = "Choose which kinds of email each contact receives (contacts not listed keep theirs)")
    public List<ContactPreferences> put(
            @PathParam("agencyId") UUID agencyId, @Valid @NotNull PreferenceRequests.Preferences request) {
        return preferences.put(agencyId, request);
    }
}
