package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TestTokens;

/**
 * The Open Badges 3.0 credential of a verified completion: issued on verification, valid against the
 * OB 3.0 JSON Schema (1EdTech's, committed under test resources), verifiable by anyone, still valid
 * after a key rotation, and answered revoked once the verification is reversed.
 */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "admin", roles = "campaign-admin")
class CredentialTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An agency whose completion the campaign verified; returns its id. */
    UUID verifiedAgency(String name) {
        UUID agency = Fixtures.fullAgency(name, null).agency();
        given().contentType(ContentType.JSON)
                .body("{\"decision\": \"VERIFIED\", \"reason\": \"All evidence checked\"}")
                .post("/api/v1/agencies/{id}/completion/review", agency)
                .then()
                .statusCode(200);
        return agency;
    }

    JsonNode credentialOf(UUID agency) throws Exception {
        String body = given().get("/api/v1/agencies/{id}/credential", agency)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return JSON.readTree(body);
    }

    static JsonNode verify(String jwt) throws Exception {
        String body = given().contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(Map.of("credential", jwt)))
                .post("/api/v1/credentials/verification")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return JSON.readTree(body);
    }

    static JsonNode part(String jwt, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }

    @Test
    void aVerifiedCompletionEarnsAnOpenBadgeCredentialThatValidatesAgainstTheSchema() throws Exception {
        UUID agency = verifiedAgency("Lakeside Police Department");
        JsonNode held = credentialOf(agency);
        assertEquals("VALID", held.path("status").asText());
        String jwt = held.path("jwt").asText();
        JsonNode header = part(jwt, 0);
        JsonNode payload = part(jwt, 1);
        assertEquals("RS256", header.path("alg").asText());
        assertTrue(header.path("kid")
                .asText()
                .endsWith("/api/v1/credentials/keys/" + held.path("keyId").asText()));

        // The payload is the credential (OB 3.0 §8.2), and 1EdTech's JSON Schema accepts it.
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(
                        new String(
                                getClass()
                                        .getResourceAsStream("/openbadges/ob_v3p0_achievementcredential_schema.json")
                                        .readAllBytes(),
                                StandardCharsets.UTF_8),
                        InputFormat.JSON);
        assertEquals(List.of(), schema.validate(payload.toString(), InputFormat.JSON));
        // The schema is not a formality: a credential without its issuer fails it.
        assertNotEquals(
                List.of(),
                schema.validate(
                        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.deepCopy())
                                .without("issuer")
                                .toString(),
                        InputFormat.JSON));

        assertEquals(List.of("VerifiableCredential", "OpenBadgeCredential"), list(payload.path("type")));
        assertEquals(
                "One Mind Campaign completion",
                payload.at("/credentialSubject/achievement/name").asText());
        String criteria =
                payload.at("/credentialSubject/achievement/criteria/narrative").asText();
        for (String practice :
                List.of("partnership", "model policy", "Mental Health First Aid", "Crisis Intervention")) {
            assertTrue(criteria.contains(practice), criteria);
        }
        assertEquals(LocalDate.now() + "T00:00:00Z", payload.path("validFrom").asText());
        assertEquals(payload.path("id").asText(), payload.path("jti").asText());
        assertEquals(payload.at("/issuer/id").asText(), payload.path("iss").asText());
        assertTrue(payload.at("/credentialSubject/id").asText().endsWith("/api/v1/directory/agencies/" + agency));

        // The issuer profile and the keys are public.
        given().get("/api/v1/credentials/issuer")
                .then()
                .statusCode(200)
                .body("id", equalTo(payload.at("/issuer/id").asText()))
                .body("name", equalTo("One Mind Campaign"));
        given().get("/api/v1/credentials/jwks")
                .then()
                .statusCode(200)
                .body("keys.kid", hasItem(held.path("keyId").asText()))
                .body("keys[0].d", equalTo(null));
        given().get("/api/v1/credentials/keys/{kid}", held.path("keyId").asText())
                .then()
                .statusCode(200)
                .body("kty", equalTo("RSA"));

        JsonNode verified = verify(jwt);
        assertEquals("VALID", verified.path("status").asText());
        assertTrue(verified.path("valid").asBoolean());
        assertEquals(agency.toString(), verified.path("agencyId").asText());
    }

    @Test
    void aTamperedForeignOrUnreadableCredentialIsInvalidAndAMissingOneIsAProblem() throws Exception {
        UUID agency = verifiedAgency("Hillcrest Police Department");
        String jwt = credentialOf(agency).path("jwt").asText();
        String[] parts = jwt.split("\\.");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                                .replace("Hillcrest", "Hillcrast")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertEquals("INVALID", verify(forged).path("status").asText());
        assertTrue(verify(forged).path("reason").asText().contains("altered"));
        assertEquals(
                "INVALID", verify(TestTokens.campaignAdmin()).path("status").asText(), "a token of another issuer");
        assertEquals("INVALID", verify("not a credential").path("status").asText());

        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/credentials/verification")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations[0].field", containsString("credential"));
        given().contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(Map.of("credential", "x".repeat(20_001))))
                .post("/api/v1/credentials/verification")
                .then()
                .statusCode(400);
    }

    @Test
    void afterAKeyRotationEarlierCredentialsStillVerifyAndNewOnesUseTheNewKey() throws Exception {
        UUID before = verifiedAgency("Northgate Police Department");
        String earlier = credentialOf(before).path("jwt").asText();
        String oldKey = credentialOf(before).path("keyId").asText();

        String newKey = given().post("/api/v1/credentials/signing-keys")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/credentials/keys/"))
                .body("signing", equalTo(true))
                .extract()
                .path("kid");
        assertNotEquals(oldKey, newKey);
        given().get("/api/v1/credentials/signing-keys")
                .then()
                .statusCode(200)
                .body("find { it.kid == '%s' }.signing".formatted(oldKey), equalTo(false))
                .body("size()", greaterThanOrEqualTo(2));

        UUID after = verifiedAgency("Southgate Police Department");
        assertEquals(newKey, credentialOf(after).path("keyId").asText());
        assertEquals("VALID", verify(earlier).path("status").asText(), "signed with the retired key");
        assertEquals(
                "VALID",
                verify(credentialOf(after).path("jwt").asText()).path("status").asText());
        given().get("/api/v1/credentials/jwks")
                .then()
                .body("keys.kid", hasItem(oldKey))
                .body("keys.kid", hasItem(newKey));
    }

    @Test
    void aReversedCompletionRevokesItsCredentialAndReopensThePledge() throws Exception {
        UUID agency = verifiedAgency("Eastport Police Department");
        String jwt = credentialOf(agency).path("jwt").asText();
        given().get("/api/v1/directory/agencies/{id}/badge.svg", agency)
                .then()
                .body(containsString("completed " + LocalDate.now().getYear()));

        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/agencies/{id}/completion/reversal", agency)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"The partnership MOU had lapsed before the review\"}")
                .post("/api/v1/agencies/{id}/completion/reversal", agency)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVERSED"));
        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"again\"}")
                .post("/api/v1/agencies/{id}/completion/reversal", agency)
                .then()
                .statusCode(409);

        JsonNode revoked = verify(jwt);
        assertEquals("REVOKED", revoked.path("status").asText());
        assertTrue(!revoked.path("valid").asBoolean());
        assertEquals(
                "The partnership MOU had lapsed before the review",
                revoked.path("revocationReason").asText());
        assertEquals("REVOKED", credentialOf(agency).path("status").asText());
        given().get("/api/v1/credentials/revocations")
                .then()
                .statusCode(200)
                .body("revokedCredentials.id", hasItem(part(jwt, 1).path("jti").asText()));
        given().get("/api/v1/agencies/{id}/pledge", agency).then().body("status", equalTo("PLEDGED"));
        given().get("/api/v1/directory/agencies/{id}/badge.svg", agency).then().body(containsString("of 4 practices"));
    }

    static List<String> list(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
