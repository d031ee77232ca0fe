package org.onemind.agency.completion;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.agency.completion.CompletionRequests.ReviewCompletion;
import org.onemind.agency.completion.CompletionRequests.SubmitCompletion;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/completion")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Completion", description = "The agency's completion submission, its review and the campaign's letter")
public class CompletionResource {

    @Inject
    CompletionService completions;

    @GET
    @Path("/letter")
    @Produces({"text/markdown", "application/pdf"})
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            operationId = "getCompletionLetter",
            summary = "The draft completion letter: Markdown, or a PDF when the Accept header prefers application/pdf"
                    + " (406 when it accepts neither)")
    @APIResponse(
            responseCode = "200",
            description = "The letter, in the format the Accept header prefers",
            content = {
                @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "406", description = "The Accept header accepts neither Markdown nor PDF")
    public Response letter(
            @PathParam("agencyId") UUID agencyId, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        jakarta.ws.rs.core.MediaType pdf = new jakarta.ws.rs.core.MediaType("application", "pdf");
        for (jakarta.ws.rs.core.MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()
                    || accepted.getType().equals("text") && accepted.isWildcardSubtype()
                    || accepted.isCompatible(new jakarta.ws.rs.core.MediaType("text", "markdown"))) {
                break;
            }
            if (accepted.isCompatible(pdf)) {
                return Response.ok(completions.draft(agencyId).pdf(), "application/pdf")
                        .header("Content-Disposition", "attachment; filename=\"one-mind-completion-letter.pdf\"")
                        .build();
            }
        }
        return Response.ok(completions.draft(agencyId).markdown(), "text/markdown; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"one-mind-completion-letter.md\"")
                .build();
    }

    @POST
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(
            summary =
                    "Submit completion; refused (409, with the unmet practices) unless compliance says the agency is eligible")
    @APIResponse(
            responseCode = "201",
            description = "The completion is submitted for review",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompletionResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "A completion is submitted only while the pledge is PLEDGED, one at a time")
    public Response submit(@PathParam("agencyId") UUID agencyId, @Valid @NotNull SubmitCompletion request) {
        return Response.status(Response.Status.CREATED)
                .entity(CompletionResponse.of(completions.submit(agencyId, request)))
                .build();
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(operationId = "getCompletion", summary = "The latest completion submission and its review")
    public CompletionResponse latest(@PathParam("agencyId") UUID agencyId) {
        return Completion.latestOf(agencyId)
                .map(CompletionResponse::of)
                .orElseThrow(() -> ApiException.notFound("completion of agency", agencyId));
    }

    @POST
    @Path("/review")
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(summary = "Verify or reject a submitted completion; verification completes the pledge")
    @APIResponse(
            responseCode = "409",
            description = "No submitted completion waits for review, or compliance does not show the agency eligible")
    @APIResponse(responseCode = "200", description = "The completion as reviewed")
    public CompletionResponse review(@PathParam("agencyId") UUID agencyId, @Valid @NotNull ReviewCompletion request) {
        return CompletionResponse.of(completions.review(agencyId, request));
    }

    @POST
    @Path("/reversal")
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(
            operationId = "reverseCompletion",
            summary = "Reverse a verified completion: the pledge is open again and the agency's credential revoked")
    @APIResponse(responseCode = "409", description = "The agency has no verified completion to reverse")
    @APIResponse(responseCode = "200", description = "The completion as reversed")
    public CompletionResponse reverse(
            @PathParam("agencyId") UUID agencyId,
            @Valid @NotNull org.onemind.agency.completion.CompletionRequests.ReverseCompletion request) {
        return CompletionResponse.of(completions.reverse(agencyId, request));
    }
}
