package org.onemind.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.BadInputSuite;
import org.onemind.infra.DatabaseFingerprint;
import org.onemind.infra.DeadLetterSamples;
import org.onemind.infra.TestTokens;
import org.onemind.infra.TopicProbe;

/** Every operation of notification-service's OpenAPI document against a hostile client's corpus. */
@QuarkusTest
class BadInputTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationRefusesMalformedInputCleanlyAndChangesNothing() {
        String admin = TestTokens.campaignAdmin();
        String agency = UUID.randomUUID().toString();
        String contact = UUID.randomUUID().toString();
        TopicProbe topic = new TopicProbe(bootstrapServers);
        topic.sendEvent(
                "agency.events", agency, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "Input PD", "type": "SHERIFF", "city": "Macon", "state": "GA",
                 "country": "US", "declaredSworn": 3, "declaredNonSworn": 0,
                 "contacts": [{"contactId": "%s", "name": "Chief Ann Lee", "email": "chief@%s.example", "role": "Chief"}]}""".formatted(agency, contact, agency));
        topic.sendEvent(
                "agency.events", agency, "onemind.agency.pledge-taken.v1", """
                {"agencyId": "%s", "pledgeId": "%s", "pledgedOn": "2026-02-01", "targetCompletionOn": "2028-02-01"}""".formatted(agency, UUID.randomUUID()));
        String notification = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            List<String> ids = given().auth()
                                    .oauth2(admin)
                                    .get("/api/v1/agencies/{id}/notifications", agency)
                                    .then()
                                    .extract()
                                    .path("items.id");
                            return ids == null || ids.isEmpty() ? null : ids.get(0);
                        },
                        java.util.Objects::nonNull);
        // The acknowledgement is sent (or fails) in the background: wait until it has settled.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !"PENDING"
                        .equals(given().auth()
                                .oauth2(admin)
                                .get("/api/v1/agencies/{id}/notifications", agency)
                                .then()
                                .extract()
                                .path("items[0].status")));
        String deadLetter =
                DeadLetterSamples.poison(jdbcUrl, "notification-service", "compliance-events", "compliance.events");

        String subscription = WebhookSamples.subscription(admin);
        String delivery = WebhookSamples.delivery(jdbcUrl, subscription);

        BadInputSuite.Report report = BadInputSuite.of(base.toString(), "notification-service", "access-rules.txt")
                .adminToken(admin)
                .fingerprint(() -> DatabaseFingerprint.of(jdbcUrl))
                .pathValues((operation, name) -> switch (name) {
                    case "agencyId" -> agency;
                    case "notificationId" -> notification;
                    case "deadLetterId" -> deadLetter;
                    case "subscriptionId" -> subscription;
                    case "deliveryId" -> delivery;
                    default -> throw new IllegalStateException("no value for {" + name + "}");
                })
                .example("PUT /api/v1/agencies/{agencyId}/notification-preferences", """
                        {"contacts": [{"contactId": "%s", "kinds": ["PLEDGE_RECEIVED", "PRACTICE_MET"]}]}""".formatted(contact))
                .example("POST /api/v1/webhook-subscriptions", """
                        {"url": "http://localhost:9/hooks", "eventTypes": ["pledge.taken"],
                         "contactEmail": "hooks@input.example"}""")
                .example("PATCH /api/v1/webhook-subscriptions/{subscriptionId}", """
                        {"description": "Input tests", "active": true}""")
                .run();
        assertTrue(report.requests() > 100, "the corpus reached every operation: " + report);
    }
}
