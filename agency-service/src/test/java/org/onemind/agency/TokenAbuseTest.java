package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onemind.infra.InjectKeycloak;
import org.onemind.infra.KeycloakServer;
import org.onemind.infra.TestTokens;

/**
 * Tokens that must not open anything, each made from a real Keycloak token: none, expired, for
 * another audience, from another realm, with a tampered signature, or re-labelled {@code alg: none}.
 * Each gets 401 on a campaign-admin endpoint that the untouched token opens.
 */
@QuarkusTest
class TokenAbuseTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    Identities identities;
    UUID agency;

    @BeforeEach
    void setUp() {
        identities = new Identities(keycloak);
        agency = Fixtures.agency(UUID.randomUUID(), "Abuse PD", "TX");
    }

    @AfterEach
    void tearDown() {
        identities.close();
    }

    int status(String token) {
        var request = given();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.get("/api/v1/agencies/{id}/history", agency).statusCode();
    }

    @Test
    void theUntouchedTokenOpensTheEndpoint() {
        assertStatus(200, identities.campaignAdmin());
    }

    @Test
    void noTokenOrGarbageIs401() {
        assertStatus(401, null);
        assertStatus(401, "not-a-token");
    }

    @Test
    void anExpiredTokenIs401() {
        String client = identities.serviceClient(
                "campaign-admin", true, Map.of("access.token.lifespan", "2"), "secret-of-a-short-token");
        String token = identities.clientToken(client, "secret-of-a-short-token");
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(TestTokens.claim(token, "exp")));
        assertStatus(200, token);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(token) == 401);
        assertTrue(!Instant.now().isBefore(expiry), "refused only once expired");
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        String client = identities.serviceClient("campaign-admin", false, Map.of(), "secret-without-audience");
        String token = identities.clientToken(client, "secret-without-audience");
        assertTrue(!String.valueOf(TestTokens.claim(token, "aud")).contains("one-mind-api"));
        assertStatus(401, token);
    }

    @Test
    void aTokenFromAnotherRealmIs401() {
        String masterToken = given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .post(keycloak.issuer("master") + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        assertStatus(401, masterToken);
    }

    @Test
    void aTamperedSignatureIs401() {
        assertStatus(401, TestTokens.withTamperedSignature(identities.campaignAdmin()));
    }

    @Test
    void aTamperedPayloadIs401() {
        assertStatus(
                401,
                TestTokens.withPayloadEdited(
                        identities.manager(UUID.randomUUID()), "\"agency-manager\"", "\"campaign-admin\""));
    }

    @Test
    void theNoneAlgorithmIs401() {
        String none = TestTokens.withNoneAlgorithm(identities.campaignAdmin());
        assertStatus(401, none);
        assertStatus(401, none.substring(0, none.length() - 1));
    }

    private void assertStatus(int expected, String token) {
        int actual = status(token);
        if (actual != expected) {
            throw new AssertionError("expected " + expected + " but got " + actual);
        }
    }
}
