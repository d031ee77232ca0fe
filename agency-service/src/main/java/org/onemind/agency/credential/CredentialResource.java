package org.onemind.agency.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.agency.credential.CredentialResponses.Jwks;
import org.onemind.agency.credential.CredentialResponses.RevocationList;
import org.onemind.agency.credential.CredentialResponses.Verification;
import org.onemind.agency.credential.CredentialResponses.VerificationResult;
import org.onemind.agency.directory.PublicUrls;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Roles;

/**
 * The campaign as an Open Badges 3.0 issuer: its profile, the achievement it awards, its public keys,
 * the revocation list, and a verification anyone can ask for; the signing keys for campaign staff.
 */
@Path("/api/v1/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Credentials",
        description = "Open Badges 3.0 credentials for verified completions: the issuer, its keys, verification")
public class CredentialResource {
    private static final String KID = "[0-9]{8}-[0-9a-f]{8}";

    @Inject
    CredentialService credentials;

    @Inject
    SigningKeys keys;

    @Inject
    PublicUrls urls;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/issuer")
    @PermitAll
    @Operation(
            operationId = "getCredentialIssuer",
            summary = "The issuer profile the credentials name (Open Badges 3.0 Profile); no token needed")
    public Map<String, Object> issuer() {
        return credentials.issuerProfile();
    }

    @GET
    @Path("/achievements/one-mind-campaign-completion")
    @PermitAll
    @Operation(
            operationId = "getCompletionAchievement",
            summary = "The achievement a completion credential names, with the four practices as its criteria")
    public Map<String, Object> achievement() {
        return credentials.achievement();
    }

    @GET
    @Path("/jwks")
    @PermitAll
    @Operation(
            operationId = "getCredentialKeys",
            summary = "Every public key credentials were signed with (JWKS), including rotated ones; no token needed")
    public Jwks jwks() {
        return new Jwks(keys.publicJwks().stream().map(this::tree).toList());
    }

    @GET
    @Path("/keys/{kid}")
    @PermitAll
    @Operation(
            operationId = "getCredentialKey",
            summary = "One public key (JWK): what a credential's kid header dereferences to")
    public JsonNode key(
            @PathParam("kid") @Pattern(regexp = KID, message = "is not a key id of this issuer") @Size(max = 17)
                    String kid) {
        return keys.publicJwk(kid).map(this::tree).orElseThrow(() -> ApiException.notFound("key", kid));
    }

    @POST
    @Path("/verification")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "verifyCredential",
            summary = "Whether a presented credential (its compact JWT) is valid, revoked or not this issuer's",
            description = "Checks the signature against this issuer's keys (rotated ones too), the issuer, and the"
                    + " revocation list. Always 200 for a readable request: `valid` and `status` say the outcome.")
    @APIResponse(
            responseCode = "200",
            description = "The outcome: VALID, REVOKED (the completion was reversed) or INVALID (with the reason)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VerificationResult.class)))
    public VerificationResult verify(@Valid @NotNull Verification presented) {
        return credentials.verify(presented.credential());
    }

    @GET
    @Path("/revocations")
    @PermitAll
    @Operation(
            operationId = "getCredentialRevocations",
            summary = "The credentials the campaign revoked (the 1EdTech revocation list their credentialStatus names)")
    public RevocationList revocations() {
        return credentials.revocations();
    }

    @GET
    @Path("/signing-keys")
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(operationId = "listSigningKeys", summary = "The signing keys, newest first: which one signs")
    public List<SigningKeys.KeyInfo> signingKeys() {
        return keys.list();
    }

    @POST
    @Path("/signing-keys")
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(
            operationId = "rotateSigningKey",
            summary = "Rotate: a new key signs from now on; credentials signed before keep verifying")
    @APIResponse(
            responseCode = "201",
            description = "The new signing key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SigningKeys.KeyInfo.class)),
            headers = {@Header(name = "Location", description = "Its public key")})
    public Response rotate() {
        SigningKeys.KeyInfo key = keys.rotate();
        return Response.created(java.net.URI.create(urls.key(key.kid())))
                .entity(key)
                .build();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored key is unreadable", e);
        }
    }
}
