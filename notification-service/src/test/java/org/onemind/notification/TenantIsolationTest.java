package org.onemind.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.AccessMatrix;
import org.onemind.infra.DeadLetterSamples;
import org.onemind.infra.TestTokens;
import org.onemind.infra.TopicProbe;

/**
 * Every operation of notification-service's OpenAPI document × the six callers, with signed tokens
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

    /** An agency with a contact who has been sent the pledge acknowledgement. */
    String pledgedAgency() {
        String agencyId = UUID.randomUUID().toString();
        send(agencyId, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "Isolation PD", "type": "SHERIFF", "city": "Macon", "state": "GA",
                 "country": "US", "declaredSworn": 3, "declaredNonSworn": 0,
                 "contacts": [{"contactId": "%s", "name": "Chief Ann Lee", "email": "chief@%s.example", "role": "Chief"}]}""".formatted(agencyId, UUID.randomUUID(), agencyId));
        send(agencyId, "onemind.agency.pledge-taken.v1", """
                {"agencyId": "%s", "pledgeId": "%s", "pledgedOn": "2026-02-01", "targetCompletionOn": "2028-02-01"}""".formatted(agencyId, UUID.randomUUID()));
        return agencyId;
    }

    @Test
    void everyOperationAnswersEachCallerAsItsAccessRuleSays() {
        String admin = TestTokens.campaignAdmin();
        String agencyA = pledgedAgency();
        String agencyB = UUID.randomUUID().toString();
        String notification = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            // 404 until the registration has been consumed, then the log with the acknowledgement.
                            List<String> ids = given().auth()
                                    .oauth2(admin)
                                    .get("/api/v1/agencies/{id}/notifications", agencyA)
                                    .then()
                                    .extract()
                                    .path("items.id");
                            return ids == null || ids.isEmpty() ? null : ids.get(0);
                        },
                        java.util.Objects::nonNull);

        var outcomes = AccessMatrix.of(base.toString(), "access-rules.txt")
                // notification-service has no partner access at all: both partners are refused alike.
                .withTestTokens(UUID.fromString(agencyA), UUID.fromString(agencyB), UUID.randomUUID())
                .pathValues((operation, name) -> switch (name) {
                    case "agencyId" -> agencyA;
                    case "notificationId" -> notification;
                    case "subscriptionId" -> subscriptionOfManagerOf(agencyA);
                    case "deliveryId" -> WebhookSamples.delivery(jdbcUrl, lastSubscription);
                    case "deadLetterId" ->
                        DeadLetterSamples.poison(
                                jdbcUrl, "notification-service", "compliance-events", "compliance.events");
                    default -> throw new IllegalStateException("no value for {" + name + "}");
                })
                .verify();
        assertFalse(outcomes.isEmpty());
    }

    String lastSubscription;

    /** A webhook subscription made by a manager of the agency (a fresh one each time: one request deletes it). */
    String subscriptionOfManagerOf(String agencyId) {
        lastSubscription = WebhookSamples.subscription(TestTokens.manager(UUID.fromString(agencyId)));
        return lastSubscription;
    }

    @Test
    void theDeliveryLogOfAnAgencyNobodyRegisteredIsNotFound() {
        given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .get("/api/v1/agencies/{id}/notifications", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void expiredForeignTamperedAndUnsignedTokensAre401Everywhere() {
        AccessMatrix.of(base.toString(), "access-rules.txt").verifyRefused(AccessMatrix.badTestTokens());
    }
}
