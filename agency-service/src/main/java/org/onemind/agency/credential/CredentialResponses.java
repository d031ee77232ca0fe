package org.onemind.agency.credential;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the credential operations take and answer. */
public final class CredentialResponses {
    private CredentialResponses() {}

    public enum CredentialStatus {
        /** Signed by this platform's key, issued by it, not revoked. */
        VALID,
        /** Issued by this platform, but the completion it attests was reversed. */
        REVOKED,
        /** Not a credential this platform issued, or altered since. */
        INVALID
    }

    /** The agency's credential: the JWT to hand to a wallet or verifier, and the credential it carries. */
    public record AgencyCredential(
            UUID credentialId,
            UUID agencyId,
            UUID completionId,
            CredentialStatus status,
            Instant issuedAt,
            Instant validFrom,
            Instant revokedAt,
            String revocationReason,
            String keyId,
            String jwt,
            JsonNode credential,
            String verificationUrl) {}

    /** A credential presented for verification, as its compact JWT. */
    public record Verification(@NotBlank @Size(max = 20_000) String credential) {}

    /** Whether a presented credential is valid, and why not. */
    public record VerificationResult(
            CredentialStatus status,
            boolean valid,
            String reason,
            String credentialId,
            UUID agencyId,
            String achievement,
            Instant validFrom,
            Instant revokedAt,
            String revocationReason,
            String keyId) {}

    /** The 1EdTech revocation list the credentials' {@code credentialStatus} names. */
    public record RevocationList(String id, String issuer, List<RevokedCredential> revokedCredentials) {}

    public record RevokedCredential(String id, String revocationReason, Instant revokedAt) {}

    public record Jwks(List<JsonNode> keys) {}
}
