package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onemind.infra.FreePorts;

/** With Keycloak unreachable, a caller with a token is told to retry (503), never a 500. */
@QuarkusTest
@TestProfile(IdentityProviderDownTest.KeycloakDown.class)
class IdentityProviderDownTest {

    public static class KeycloakDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled",
                    "true",
                    "quarkus.oidc.auth-server-url",
                    "http://localhost:" + FreePorts.any() + "/realms/one-mind",
                    "quarkus.oidc.connection-timeout",
                    "PT1S");
        }
    }

    @Test
    void aBearerTokenThatCannotBeCheckedAnswers503() {
        given().auth()
                .oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .get("/api/v1/agencies/{id}", UUID.randomUUID())
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://onemind.example/problems/identity-provider-unavailable"));
    }
}
