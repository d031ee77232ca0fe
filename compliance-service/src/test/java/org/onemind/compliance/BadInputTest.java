package org.onemind.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.BadInputSuite;
import org.onemind.infra.DatabaseFingerprint;
import org.onemind.infra.DeadLetterSamples;
import org.onemind.infra.TestTokens;
import org.onemind.infra.TopicProbe;

/** Every operation of compliance-service's OpenAPI document against a hostile client's corpus. */
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
        TopicProbe topic = new TopicProbe(bootstrapServers);
        topic.sendEvent("agency.events", agency, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "Test PD", "type": "SHERIFF", "city": "Macon", "state": "GA",
                 "country": "US", "declaredSworn": 3, "declaredNonSworn": 0, "contacts": []}""".formatted(agency));
        topic.sendEvent("agency.events", agency, "onemind.agency.pledge-taken.v1", """
                {"agencyId": "%s", "pledgedOn": "2026-01-10", "targetCompletionOn": "2028-01-10"}""".formatted(agency));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth()
                                .oauth2(admin)
                                .get("/api/v1/agencies/{id}/compliance", agency)
                                .statusCode()
                        == 200);
        String rebuild = given().auth()
                .oauth2(admin)
                .post("/api/v1/compliance/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "DONE"
                        .equals(given().auth()
                                .oauth2(admin)
                                .get("/api/v1/compliance/rebuild/{id}", rebuild)
                                .then()
                                .extract()
                                .path("state")));
        String deadLetter =
                DeadLetterSamples.poison(jdbcUrl, "compliance-service", "training-events", "training.events");

        BadInputSuite.Report report = BadInputSuite.of(base.toString(), "compliance-service", "access-rules.txt")
                .adminToken(admin)
                .fingerprint(() -> DatabaseFingerprint.of(jdbcUrl))
                .pathValues((operation, name) -> switch (name) {
                    case "agencyId" -> agency;
                    case "rebuildId" -> rebuild;
                    case "deadLetterId" -> deadLetter;
                    default -> throw new IllegalStateException("no value for {" + name + "}");
                })
                .run();
        assertTrue(report.requests() > 100, "the corpus reached every operation: " + report);
    }
}
