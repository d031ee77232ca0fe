package org.onemind.infra;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * RS256 tokens shaped like the realm's (issuer, {@code aud: one-mind-api}, {@code realm_access.roles},
 * {@code agency_id}, {@code partner_org_id}), signed with the test key that the services' test
 * profile trusts, so tests exercise real signature, expiry and audience checks without Keycloak.
 * Also makes the broken tokens that must be refused.
 */
public final class TestTokens {
    public static final String ISSUER = "https://tokens.test.onemind.invalid/realms/one-mind";
    public static final String AUDIENCE = "one-mind-api";
    private static final PrivateKey KEY = loadKey();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private TestTokens() {}

    public static String campaignAdmin() {
        return token("campaign-admin", Map.of());
    }

    public static String manager(UUID agencyId) {
        return token("agency-manager", Map.of("agency_id", agencyId.toString()));
    }

    public static String partner(UUID organizationId) {
        return token("partner", Map.of("partner_org_id", organizationId.toString()));
    }

    public static String token(String role, Map<String, Object> claims) {
        Map<String, Object> payload = standardClaims(role, Duration.ofMinutes(5));
        payload.putAll(claims);
        return sign(payload);
    }

    /** A token of this role that expires after {@code lifespan} (whole seconds). */
    public static String lasting(String role, Duration lifespan) {
        return sign(standardClaims(role, lifespan));
    }

    public static String expired(String role) {
        Map<String, Object> payload = standardClaims(role, Duration.ofMinutes(-2));
        payload.put("iat", Instant.now().minus(Duration.ofMinutes(7)).getEpochSecond());
        return sign(payload);
    }

    public static String forAudience(String role, String audience) {
        Map<String, Object> payload = standardClaims(role, Duration.ofMinutes(5));
        payload.put("aud", audience);
        return sign(payload);
    }

    public static String fromIssuer(String role, String issuer) {
        Map<String, Object> payload = standardClaims(role, Duration.ofMinutes(5));
        payload.put("iss", issuer);
        return sign(payload);
    }

    /** A valid admin token with one character of its signature changed. */
    public static String tamperedSignature() {
        return withTamperedSignature(campaignAdmin());
    }

    /** A manager's token whose payload was edited to claim the admin role, signature kept. */
    public static String tamperedPayload() {
        return withPayloadEdited(manager(UUID.randomUUID()), "agency-manager", "campaign-admin");
    }

    /** An unsigned admin token declaring {@code alg: none}. */
    public static String noneAlgorithm() {
        return withNoneAlgorithm(campaignAdmin());
    }

    /** Any token (Keycloak's too) with one character of its signature changed. */
    public static String withTamperedSignature(String token) {
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        return parts[0] + "." + parts[1] + "." + new String(signature);
    }

    /** Any token with {@code from} replaced by {@code to} in its payload, signature kept. */
    public static String withPayloadEdited(String token, String from, String to) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(payload(token).replace(from, to)) + "." + parts[2];
    }

    /** Any token's claims re-labelled {@code alg: none}, without a signature. */
    public static String withNoneAlgorithm(String token) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + token.split("\\.")[1] + ".";
    }

    /** A claim of any token, as text ("null" when absent). */
    public static String claim(String token, String name) {
        try {
            return String.valueOf(JSON.readTree(payload(token)).get(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** The public key, as the services' {@code quarkus.oidc.public-key} takes it. */
    public static String publicKey() {
        return pem("public-key.pem");
    }

    private static Map<String, Object> standardClaims(String role, Duration lifespan) {
        Instant now = Instant.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("aud", AUDIENCE);
        payload.put("sub", UUID.randomUUID().toString());
        payload.put("preferred_username", role + "-test");
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plus(lifespan).getEpochSecond());
        payload.put("realm_access", Map.of("roles", List.of(role)));
        return payload;
    }

    private static String sign(Map<String, Object> payload) {
        return Jwt.claims(payload).jws().keyId("test").sign(KEY);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey loadKey() {
        try {
            byte[] der = Base64.getDecoder().decode(pem("private-key.pem"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String name) {
        try (InputStream in = TestTokens.class.getResourceAsStream("/test-tokens/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
