package org.onemind.agency.apiclient;

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
import org.onemind.agency.apiclient.ApiClientService.ApiClientResponse;
import org.onemind.agency.apiclient.ApiClientService.CreateApiClient;
import org.onemind.agency.apiclient.ApiClientService.CreatedApiClient;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.security.Roles;

@Path("/api/v1/organizations/{organizationId}/api-clients")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Partner API clients", description = "Machine credentials a partner organization uses to call the API")
@RolesAllowed(Roles.CAMPAIGN_ADMIN)
public class ApiClientResource {

    @Inject
    ApiClientService apiClients;

    @POST
    @Operation(
            summary = "Create API credentials for a mental-health partner",
            description = "Answers the client id and secret; the secret is shown only in this answer. The partner "
                    + "exchanges them for a token at tokenEndpoint (grant_type=client_credentials).")
    @APIResponse(
            responseCode = "201",
            description = "The client is made; its secret is shown this once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiClientService.CreatedApiClient.class)),
            headers = {@Header(name = "Location", description = "Where the new resource is")})
    @APIResponse(
            responseCode = "409",
            description = "Only mental-health providers partner with agencies and receive API credentials")
    public Response create(
            @PathParam("organizationId") UUID organizationId,
            @Valid @NotNull CreateApiClient request,
            @Context UriInfo uri) {
        CreatedApiClient created = apiClients.create(organizationId, request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .header("Cache-Control", "no-store")
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "The organization's API clients (never their secrets)")
    public ListPage<ApiClientResponse> list(@PathParam("organizationId") UUID organizationId) {
        List<ApiClientResponse> items = apiClients.list(organizationId);
        return new ListPage<>(items, 0, items.size(), items.size());
    }

    @DELETE
    @Path("/{apiClientId}")
    @Operation(
            summary = "Revoke API credentials: new tokens are refused at once, tokens already issued "
                    + "expire within their lifespan (5 minutes)")
    @APIResponse(responseCode = "204", description = "The client is revoked: its tokens are refused from now on")
    public Response revoke(
            @PathParam("organizationId") UUID organizationId, @PathParam("apiClientId") UUID apiClientId) {
        apiClients.revoke(organizationId, apiClientId);
        return Response.noContent().build();
    }
}
