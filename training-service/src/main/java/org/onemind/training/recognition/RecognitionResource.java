package org.onemind.training.recognition;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.security.Roles;

@Path("/api/v1/course-recognition-requests")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(
        name = "Course recognition",
        description = "Requests to recognise a course as MHFA or CIT training, and their decisions")
public class RecognitionResource {

    @Inject
    RecognitionService recognitions;

    @POST
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Ask for a course to be recognized as MHFA- or CIT-equivalent")
    @APIResponse(
            responseCode = "201",
            description = "The request is filed for the campaign to decide",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecognitionResponse.class)),
            headers = {@Header(name = "Location", description = "Where the new resource is")})
    public Response ask(@Valid @NotNull RecognitionRequests.Ask request, @Context UriInfo uri) {
        RecognitionResponse asked = recognitions.ask(request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(asked.id().toString()).build())
                .entity(asked)
                .build();
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Recognition requests: every one for campaign admins, the agency's own for its manager")
    public ListPage<RecognitionResponse> list() {
        return recognitions.list();
    }

    @POST
    @Path("/{requestId}/decision")
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(summary = "Approve (adds or reclassifies the course) or reject, with the reason")
    @APIResponse(responseCode = "200", description = "The request as decided")
    @APIResponse(responseCode = "409", description = "The request was decided already")
    public RecognitionResponse decide(
            @PathParam("requestId") UUID requestId, @Valid @NotNull RecognitionRequests.Decide decision) {
        return recognitions.decide(requestId, decision);
    }
}
