package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onemind.infra.InjectKeycloak;
import org.onemind.infra.KeycloakServer;

/**
 * A partner's API credentials against a real Keycloak: the secret works with the
 * client-credentials grant, the token speaks only for that organization's partnered agencies,
 * and a revoked client gets no new token.
 */
@QuarkusTest
class PartnerApiClientsTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    Identities identities;
    String admin;
    UUID provider;
    UUID partnered;
    UUID unrelated;

    @BeforeEach
    void setUp() {
        identities = new Identities(keycloak);
        admin = identities.campaignAdmin();
        provider = Fixtures.provider(UUID.randomUUID(), "Riverside Behavioral Health");
        partnered = Fixtures.agency(UUID.randomUUID(), "Partnered PD", "GA");
        unrelated = Fixtures.agency(UUID.randomUUID(), "Unrelated PD", "GA");
        Fixtures.partnership(partnered, provider);
    }

    @AfterEach
    void tearDown() {
        identities.close();
    }

    io.restassured.response.Response create(String token, UUID organizationId, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/organizations/{oid}/api-clients", organizationId);
    }

    @Test
    void aPartnersCredentialsReachOnlyItsPartneredAgenciesAndStopAtRevocation() {
        var created = create(admin, provider, Map.of("name", "Riverside EHR integration"))
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("organizationId", equalTo(provider.toString()))
                .body("tokenEndpoint", equalTo(identities.tokenEndpoint()))
                .extract()
                .jsonPath();
        String clientId = created.getString("clientId");
        String secret = created.getString("clientSecret");
        String id = created.getString("id");

        String token = identities.clientToken(clientId, secret);
        given().auth()
                .oauth2(token)
                .get("/api/v1/agencies/{id}", partnered)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .get("/api/v1/agencies/{id}", unrelated)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .get("/api/v1/agencies/{id}/history", partnered)
                .then()
                .statusCode(403);
        given().auth().oauth2(token).get("/api/v1/agencies").then().statusCode(403);

        given().auth()
                .oauth2(admin)
                .get("/api/v1/organizations/{oid}/api-clients", provider)
                .then()
                .statusCode(200)
                .body("items.clientId", hasItem(clientId))
                .body("items[0].clientSecret", nullValue())
                .body("items[0].name", equalTo("Riverside EHR integration"));

        given().auth()
                .oauth2(admin)
                .delete("/api/v1/organizations/{oid}/api-clients/{cid}", provider, id)
                .then()
                .statusCode(204);
        assertEquals(401, identities.clientTokenStatus(clientId, secret), "a revoked client gets no new token");
        // The token it already holds is refused at once too, not when it expires (5 minutes).
        given().auth()
                .oauth2(token)
                .get("/api/v1/agencies/{id}", partnered)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("revoked"));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/organizations/{oid}/api-clients", provider)
                .then()
                .statusCode(200)
                .body("items.clientId", not(hasItem(clientId)));
        given().auth()
                .oauth2(admin)
                .delete("/api/v1/organizations/{oid}/api-clients/{cid}", provider, id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyCampaignStaffManageCredentialsAndOnlyForMentalHealthProviders() {
        create(identities.manager(partnered), provider, Map.of("name", "x"))
                .then()
                .statusCode(403);
        create(admin, provider, Map.of("name", " "))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("name"));
        create(admin, UUID.randomUUID(), Map.of("name", "x"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        UUID supporter = Fixtures.organization(
                UUID.randomUUID(),
                "Friends of One Mind",
                org.onemind.agency.organization.OrganizationKind.SUPPORTING_ORGANIZATION);
        create(admin, supporter, Map.of("name", "x"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("not-a-partner-organization"));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/organizations/{oid}/api-clients", supporter)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(admin)
                .get("/api/v1/organizations/{oid}/api-clients", "not-a-uuid")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(admin)
                .get("/api/v1/organizations/{oid}/api-clients", provider)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }
}
