package org.onemind.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    private TestTokens() {
    }

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
        String[] parts = campaignAdmin().split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        return parts[0] + "." + parts[1] + "." + new String(signature);
    }

    /** A manager's token whose payload was edited to claim the admin role, signature kept. */
    public static String tamperedPayload() {
        String[] parts = manager(UUID.randomUUID()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("agency-manager", "campaign-admin");
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** An unsigned admin token declaring {@code alg: none}. */
    public static String noneAlgorithm() {
        String payload = campaignAdmin().split("\\.")[1];
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
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
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test\"}") + "." + encode(json(payload));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEY);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Enough JSON for claims: strings, numbers, lists and maps of those. */
    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> members = new ArrayList<>();
            map.forEach((k, v) -> members.add(json(k.toString()) + ":" + json(v)));
            return "{" + String.join(",", members) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(TestTokens::json).toList()) + "]";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
