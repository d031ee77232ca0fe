package org.onemind.training;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onemind.infra.AccessMatrix;
import org.onemind.infra.DeadLetterSamples;
import org.onemind.infra.TestTokens;

/**
 * Every operation of training-service's OpenAPI document × the six callers, with signed tokens
 * the service verifies (signature, issuer, audience, expiry) like Keycloak's; and every token that
 * must not open anything gets 401 everywhere.
 */
@QuarkusTest
class TenantIsolationTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationAnswersEachCallerAsItsAccessRuleSays() {
        String agencyA = Agencies.known();
        String agencyB = Agencies.known();
        UUID partnerOfA = UUID.randomUUID();
        Agencies.partnership(agencyA, partnerOfA.toString());
        String admin = TestTokens.campaignAdmin();
        AgencyResources resources = AgencyResources.of(agencyA, admin);
        String person = resources.person();
        String certification = resources.certification();
        String request = resources.request();

        var outcomes = AccessMatrix.of(base.toString(), "access-rules.txt")
                .withTestTokens(UUID.fromString(agencyA), UUID.fromString(agencyB), partnerOfA)
                .pathValues((operation, name) -> switch (name) {
                    case "agencyId" -> agencyA;
                    case "personnelId" -> person;
                    case "certificationId" -> certification;
                    case "courseId" -> TrainingApiTest.CIT_COURSE;
                    case "requestId" -> request;
                    case "deadLetterId" ->
                        DeadLetterSamples.poison(jdbcUrl, "training-service", "agency-events", "agency.events");
                    default -> throw new IllegalStateException("no value for {" + name + "}");
                })
                .verify();
        assertFalse(outcomes.isEmpty());
    }

    @Test
    void aBodyNamingAnotherAgencyIsRefusedAndChangesNothing() {
        String agencyA = Agencies.known();
        String agencyB = Agencies.known();
        String managerOfA = TestTokens.manager(UUID.fromString(agencyA));
        given().auth()
                .oauth2(managerOfA)
                .contentType(ContentType.JSON)
                .body(
                        "{\"agencyId\": \"%s\", \"employeeNumber\": \"X-1\", \"firstName\": \"A\", \"lastName\": \"B\", \"sworn\": true}"
                                .formatted(agencyB))
                .post("/api/v1/agencies/{id}/personnel", agencyA)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem("agencyId"));
        for (String agency : new String[] {agencyA, agencyB}) {
            given().auth()
                    .oauth2(TestTokens.campaignAdmin())
                    .get("/api/v1/agencies/{id}/personnel", agency)
                    .then()
                    .statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(0));
        }
        // A recognition request names its agency in the body: another agency's is not found.
        given().auth()
                .oauth2(TestTokens.manager(UUID.fromString(agencyB)))
                .contentType(ContentType.JSON)
                .body(
                        "{\"agencyId\": \"%s\", \"name\": \"C\", \"hours\": 8, \"topics\": [\"t\"], \"requestedCategory\": \"MHFA\"}"
                                .formatted(agencyA))
                .post("/api/v1/course-recognition-requests")
                .then()
                .statusCode(404);
    }

    @Test
    void expiredForeignTamperedAndUnsignedTokensAre401Everywhere() {
        AccessMatrix.of(base.toString(), "access-rules.txt").verifyRefused(AccessMatrix.badTestTokens());
    }
}
