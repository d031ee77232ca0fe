package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onemind.infra.AccessMatrix;
import org.onemind.infra.AccessMatrix.Caller;
import org.onemind.infra.DeadLetterSamples;
import org.onemind.infra.InjectKeycloak;
import org.onemind.infra.KeycloakServer;

/**
 * Every operation of agency-service's OpenAPI document × the six callers, with real Keycloak
 * tokens: the partners' tokens come from API clients made through this service's own endpoint.
 */
@QuarkusTest
class TenantIsolationTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @InjectKeycloak
    KeycloakServer keycloak;

    @TestHTTPResource("/")
    URL base;

    Identities identities;

    @BeforeEach
    void setUp() {
        identities = new Identities(keycloak);
    }

    @AfterEach
    void tearDown() {
        identities.close();
    }

    @jakarta.inject.Inject
    org.onemind.agency.credential.SigningKeys signingKeys;

    @Test
    void everyOperationAnswersEachCallerAsItsAccessRuleSays() {
        String admin = identities.campaignAdmin();
        // A has a policy and a submitted completion, so reading them is an answer, not "none yet".
        Fixtures.FullAgency a = Fixtures.fullAgency("Agency A PD", admin);
        UUID agencyA = a.agency();
        // Verified, so A holds a credential to read (and the platform a signing key to name).
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(admin)
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"decision\": \"VERIFIED\"}")
                .post("/api/v1/agencies/{id}/completion/review", agencyA)
                .then()
                .statusCode(200);
        String kid = signingKeys.list().get(0).kid();
        UUID providerOfA = a.provider();
        UUID partnershipOfA = a.partnership();
        UUID agencyB = Fixtures.agency(UUID.randomUUID(), "Agency B PD", "OH");
        UUID providerOfNobody = Fixtures.provider(UUID.randomUUID(), "Partner of nobody");
        var outcomes = AccessMatrix.of(base.toString(), "access-rules.txt")
                .token(Caller.CAMPAIGN_ADMIN, admin)
                .token(Caller.MANAGER_OF_A, identities.manager(agencyA))
                .token(Caller.MANAGER_OF_B, identities.manager(agencyB))
                .token(Caller.PARTNER_OF_A, partnerToken(admin, providerOfA))
                .token(Caller.PARTNER_OF_NOBODY, partnerToken(admin, providerOfNobody))
                .pathValues((operation, name) -> switch (name) {
                    case "agencyId" -> agencyA.toString();
                    case "partnershipId" -> partnershipOfA.toString();
                    case "organizationId" -> providerOfA.toString();
                    case "memberId" -> memberOf(agencyA);
                    case "apiClientId" -> apiClientOf(admin, providerOfA);
                    case "kid" -> kid;
                    case "deadLetterId" ->
                        DeadLetterSamples.poison(jdbcUrl, "agency-service", "compliance-events", "compliance.events");
                    default -> throw new IllegalStateException("no value for {" + name + "}");
                })
                .verify();
        assertFalse(outcomes.isEmpty());
    }

    @Test
    void aBodyNamingAnotherAgencyIsRefusedAndChangesNothing() {
        UUID agencyA = Fixtures.agency(UUID.randomUUID(), "Agency A PD", "OH");
        UUID agencyB = Fixtures.agency(UUID.randomUUID(), "Agency B PD", "OH");
        given().auth()
                .oauth2(identities.manager(agencyA))
                .contentType(ContentType.JSON)
                .body(
                        "{\"agencyId\": \"%s\", \"pledgedOn\": \"2026-01-05\", \"targetCompletionOn\": \"2027-06-05\", \"signedBy\": \"Chief\"}"
                                .formatted(agencyB))
                .put("/api/v1/agencies/{id}/pledge", agencyA)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem("agencyId"));
        String admin = identities.campaignAdmin();
        given().auth()
                .oauth2(admin)
                .get("/api/v1/agencies/{id}/pledge", agencyA)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(admin)
                .get("/api/v1/agencies/{id}/pledge", agencyB)
                .then()
                .statusCode(404);
    }

    private String partnerToken(String admin, UUID organizationId) {
        var created = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "matrix"))
                .post("/api/v1/organizations/{oid}/api-clients", organizationId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return identities.clientToken(created.getString("clientId"), created.getString("clientSecret"));
    }

    private String apiClientOf(String admin, UUID organizationId) {
        return given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "to revoke"))
                .post("/api/v1/organizations/{oid}/api-clients", organizationId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String memberOf(UUID agencyId) {
        String username = identities.user("agency-manager", Map.of("agency_id", List.of(agencyId.toString())));
        return identities
                .realm()
                .users()
                .searchByUsername(username, true)
                .get(0)
                .getId();
    }
}
