package org.onemind.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.AccessMatrix;
import org.onemind.infra.DeadLetterSamples;
import org.onemind.infra.TestTokens;
import org.onemind.infra.TopicProbe;

/**
 * Every operation of compliance-service's OpenAPI document × the six callers, with signed tokens
 * the service verifies like Keycloak's; and every token that must not open anything gets 401.
 */
@QuarkusTest
class TenantIsolationTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    void send(String agencyId, String type, String body) {
        new TopicProbe(bootstrapServers).sendEvent("agency.events", agencyId, type, body);
    }

    String pledgedAgency() {
        String agencyId = UUID.randomUUID().toString();
        send(agencyId, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "Test PD", "type": "SHERIFF", "city": "Macon", "state": "GA",
                 "country": "US", "declaredSworn": 3, "declaredNonSworn": 0, "contacts": []}""".formatted(agencyId));
        send(agencyId, "onemind.agency.pledge-taken.v1", """
                {"agencyId": "%s", "pledgedOn": "2026-01-10", "targetCompletionOn": "2028-01-10"}""".formatted(agencyId));
        return agencyId;
    }

    @Test
    void everyOperationAnswersEachCallerAsItsAccessRuleSays() {
        String admin = TestTokens.campaignAdmin();
        String agencyA = pledgedAgency();
        String agencyB = pledgedAgency();
        UUID partnerOfA = UUID.randomUUID();
        send(agencyA, "onemind.agency.partnership-established.v1", """
                {"agencyId": "%s", "partnershipId": "%s", "organizationId": "%s", "organizationName": "Partner",
                 "organizationKind": "MENTAL_HEALTH_PROVIDER", "mouSignedOn": "2025-01-01"}""".formatted(
                        agencyA, UUID.randomUUID(), partnerOfA));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth()
                                .oauth2(TestTokens.partner(partnerOfA))
                                .get("/api/v1/agencies/{id}/compliance", agencyA)
                                .statusCode()
                        == 200);
        String rebuild = given().auth()
                .oauth2(admin)
                .post("/api/v1/compliance/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        var outcomes = AccessMatrix.of(base.toString(), "access-rules.txt")
                .withTestTokens(UUID.fromString(agencyA), UUID.fromString(agencyB), partnerOfA)
                .pathValues((operation, name) -> switch (name) {
                    case "agencyId" -> agencyA;
                    case "rebuildId" -> rebuild;
                    case "deadLetterId" ->
                        DeadLetterSamples.poison(jdbcUrl, "compliance-service", "training-events", "training.events");
                    default -> throw new IllegalStateException("no value for {" + name + "}");
                })
                .verify();
        assertFalse(outcomes.isEmpty());
    }

    @Test
    void expiredForeignTamperedAndUnsignedTokensAre401Everywhere() {
        AccessMatrix.of(base.toString(), "access-rules.txt").verifyRefused(AccessMatrix.badTestTokens());
    }
}
