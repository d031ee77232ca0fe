package org.onemind.agency.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.onemind.agency.credential.CredentialResponses.AgencyCredential;
import org.onemind.agency.credential.CredentialResponses.CredentialStatus;
import org.onemind.agency.credential.CredentialResponses.RevocationList;
import org.onemind.agency.credential.CredentialResponses.RevokedCredential;
import org.onemind.agency.credential.CredentialResponses.VerificationResult;
import org.onemind.agency.directory.PublicUrls;
import org.onemind.platform.tx.Jdbc;

/** Issues, revokes and verifies the completion credentials. */
@ApplicationScoped
public class CredentialService {

    @Inject
    EntityManager em;

    @Inject
    SigningKeys keys;

    @Inject
    PublicUrls urls;

    @Inject
    CredentialConfig config;

    @Inject
    ObjectMapper json;

    /** Issues the credential of a verified completion, in the caller's transaction (the review's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID issue(UUID completionId, OpenBadgeCredential.Recipient agency, LocalDate completedOn) {
        UUID id = UUID.randomUUID();
        Instant issuedAt = Instant.now();
        Map<String, Object> claims = OpenBadgeCredential.claims(id, agency, completedOn, issuedAt, urls, config);
        SigningKeys.Signer signer = keys.signer();
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.setPayload(json.writeValueAsString(claims));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            // OB 3.0 §8.2.2: kid is a URI that dereferences to the public key.
            jws.setKeyIdHeaderValue(urls.key(signer.kid()));
            jws.setKey(signer.privateKey());
            Jdbc.update(
                    em,
                    "insert into credential (id, agency_id, completion_id, kid, issued_at, valid_from, jwt)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    id,
                    agency.agencyId(),
                    completionId,
                    signer.kid(),
                    issuedAt.atOffset(java.time.ZoneOffset.UTC),
                    completedOn.atStartOfDay().atOffset(java.time.ZoneOffset.UTC),
                    jws.getCompactSerialization());
        } catch (JsonProcessingException | JoseException e) {
            throw new IllegalStateException("the credential of completion " + completionId + " could not be signed", e);
        }
        return id;
    }

    /** The campaign's issuer profile, as served on its own. */
    public Map<String, Object> issuerProfile() {
        return OpenBadgeCredential.standalone(OpenBadgeCredential.issuer(urls, config));
    }

    /** The achievement every completion credential names, as served on its own. */
    public Map<String, Object> achievement() {
        return OpenBadgeCredential.standalone(OpenBadgeCredential.achievement(urls));
    }

    /** Revokes the credential of a completion whose verification was reversed; false when it had none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revoke(UUID completionId, String reason) {
        return Jdbc.update(
                        em,
                        "update credential set revoked_at = now(), revocation_reason = ?"
                                + " where completion_id = ? and revoked_at is null",
                        reason,
                        completionId)
                == 1;
    }

    /** The agency's latest credential, if the campaign issued it one. */
    @Transactional
    public Optional<AgencyCredential> latest(UUID agencyId) {
        return Jdbc.first(
                em,
                "select id, completion_id, issued_at, valid_from, revoked_at, revocation_reason, kid, jwt"
                        + " from credential where agency_id = ? order by issued_at desc limit 1",
                row -> {
                    Instant revokedAt = instant(row.getObject(5, OffsetDateTime.class));
                    String jwt = row.getString(8);
                    return new AgencyCredential(
                            row.getObject(1, UUID.class),
                            agencyId,
                            row.getObject(2, UUID.class),
                            revokedAt == null ? CredentialStatus.VALID : CredentialStatus.REVOKED,
                            instant(row.getObject(3, OffsetDateTime.class)),
                            instant(row.getObject(4, OffsetDateTime.class)),
                            revokedAt,
                            row.getString(6),
                            row.getString(7),
                            jwt,
                            payload(jwt),
                            urls.verification());
                },
                agencyId);
    }

    /** Checks a presented credential: this platform's signature, its issuer, and whether it was revoked. */
    @Transactional
    public VerificationResult verify(String presented) {
        JsonWebSignature jws = new JsonWebSignature();
        String kid;
        try {
            jws.setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256));
            jws.setCompactSerialization(presented.strip());
            kid = keyIdOf(jws.getKeyIdHeaderValue());
        } catch (JoseException e) {
            return invalid("not a compact JWS (header.payload.signature)", null);
        }
        Optional<PublicKey> key = kid == null ? Optional.empty() : keys.publicKey(kid);
        if (key.isEmpty()) {
            return invalid("not signed with a key of this issuer (see " + urls.jwks() + ")", kid);
        }
        JsonNode claims;
        try {
            jws.setKey(key.get());
            if (!jws.verifySignature()) {
                return invalid("the signature does not match: the credential was altered", kid);
            }
            claims = json.readTree(jws.getPayload());
        } catch (JoseException | JsonProcessingException e) {
            return invalid("the signature or the payload cannot be read", kid);
        }
        if (!urls.issuer().equals(claims.path("iss").asText())) {
            return invalid("issued by " + claims.path("iss").asText() + ", not by " + urls.issuer(), kid);
        }
        String jti = claims.path("jti").asText();
        UUID id;
        try {
            id = UUID.fromString(jti.replaceFirst("^urn:uuid:", ""));
        } catch (IllegalArgumentException e) {
            return invalid("no credential id (jti)", kid);
        }
        record Stored(UUID agencyId, Instant validFrom, Instant revokedAt, String reason) {}
        Optional<Stored> stored = Jdbc.first(
                em,
                "select agency_id, valid_from, revoked_at, revocation_reason from credential where id = ?",
                row -> new Stored(
                        row.getObject(1, UUID.class),
                        instant(row.getObject(2, OffsetDateTime.class)),
                        instant(row.getObject(3, OffsetDateTime.class)),
                        row.getString(4)),
                id);
        if (stored.isEmpty()) {
            return invalid("this issuer has no record of credential " + jti, kid);
        }
        Stored credential = stored.get();
        String achievement = claims.path("credentialSubject")
                .path("achievement")
                .path("name")
                .asText(null);
        if (credential.revokedAt() != null) {
            return new VerificationResult(
                    CredentialStatus.REVOKED,
                    false,
                    "revoked: the campaign reversed the completion it attests",
                    jti,
                    credential.agencyId(),
                    achievement,
                    credential.validFrom(),
                    credential.revokedAt(),
                    credential.reason(),
                    kid);
        }
        return new VerificationResult(
                CredentialStatus.VALID,
                true,
                null,
                jti,
                credential.agencyId(),
                achievement,
                credential.validFrom(),
                null,
                null,
                kid);
    }

    @Transactional
    public RevocationList revocations() {
        List<RevokedCredential> revoked = Jdbc.query(
                em,
                "select id, revocation_reason, revoked_at from credential where revoked_at is not null"
                        + " order by revoked_at, id",
                row -> new RevokedCredential(
                        "urn:uuid:" + row.getObject(1, UUID.class),
                        row.getString(2),
                        instant(row.getObject(3, OffsetDateTime.class))));
        return new RevocationList(urls.revocations(), urls.issuer(), revoked);
    }

    /** The key id named by a JWS header: this platform's key URL, or the bare id. */
    private String keyIdOf(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String prefix = urls.key("");
        return header.startsWith(prefix) ? header.substring(prefix.length()) : header;
    }

    private VerificationResult invalid(String reason, String kid) {
        return new VerificationResult(CredentialStatus.INVALID, false, reason, null, null, null, null, null, null, kid);
    }

    private JsonNode payload(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            return json.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("a stored credential is unreadable", e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
