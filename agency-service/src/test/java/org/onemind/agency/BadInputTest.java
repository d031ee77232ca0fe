package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.onemind.infra.BadInputSuite;
import org.onemind.infra.DatabaseFingerprint;
import org.onemind.infra.DeadLetterSamples;
import org.onemind.infra.InjectKeycloak;
import org.onemind.infra.KeycloakServer;

/** Every operation of agency-service's OpenAPI document against a hostile client's corpus, with real tokens. */
@QuarkusTest
class BadInputTest {

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

    @Test
    void everyOperationRefusesMalformedInputCleanlyAndChangesNothing() {
        String admin = identities.campaignAdmin();
        Fixtures.FullAgency full = Fixtures.fullAgency("Input PD", admin);
        UUID agency = full.agency();
        UUID provider = full.provider();
        UUID partnership = full.partnership();
        String apiClient = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "bad input"))
                .post("/api/v1/organizations/{oid}/api-clients", provider)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String username = identities.user("agency-manager", Map.of("agency_id", List.of(agency.toString())));
        String member = identities
                .realm()
                .users()
                .searchByUsername(username, true)
                .get(0)
                .getId();
        String deadLetter =
                DeadLetterSamples.poison(jdbcUrl, "agency-service", "compliance-events", "compliance.events");
        String kid = given().auth()
                .oauth2(admin)
                .post("/api/v1/credentials/signing-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("kid");

        BadInputSuite.Report report = BadInputSuite.of(base.toString(), "agency-service", "access-rules.txt")
                .adminToken(admin)
                .fingerprint(() -> DatabaseFingerprint.of(jdbcUrl))
                .pathValues((operation, name) -> switch (name) {
                    case "agencyId" -> agency.toString();
                    case "partnershipId" -> partnership.toString();
                    case "organizationId" -> provider.toString();
                    case "memberId" -> member;
                    case "apiClientId" -> apiClient;
                    case "deadLetterId" -> deadLetter;
                    case "kid" -> kid;
                    default -> throw new IllegalStateException("no value for {" + name + "}");
                })
                .example("POST /api/v1/agencies", """
                        {"name": "Macon Police Department", "type": "MUNICIPAL_POLICE", "city": "Macon", "state": "GA",
                         "country": "US", "declaredSworn": 10, "declaredNonSworn": 2,
                         "contacts": [{"name": "Chief Ada Wells", "email": "chief@macon.example", "role": "Chief"}]}""")
                .example("PATCH /api/v1/agencies/{agencyId}", """
                        {"name": "Input Police Department", "type": "SHERIFF", "city": "Dayton", "state": "OH",
                         "country": "US", "declaredSworn": 12, "declaredNonSworn": 3,
                         "contacts": [{"name": "Chief Ada Wells", "email": "chief@input.example", "role": "Chief"}]}""")
                .example("PUT /api/v1/agencies/{agencyId}/pledge", """
                        {"pledgedOn": "2026-01-05", "targetCompletionOn": "2027-06-05", "signedBy": "Chief Ada Wells"}""")
                .example("POST /api/v1/agencies/{agencyId}/pledge/withdrawal", """
                        {"reason": "A new chief restarts the pledge"}""")
                .example("POST /api/v1/agencies/{agencyId}/partnerships", """
                        {"organizationId": "%s", "mouSignedOn": "2026-01-10", "description": "Co-responder program",
                         "documentReference": "MOU-7"}""".formatted(provider))
                .example("POST /api/v1/agencies/{agencyId}/partnerships/{partnershipId}/end", """
                        {"endedOn": "2026-02-01", "reason": "The program ended"}""")
                .example("PUT /api/v1/agencies/{agencyId}/policy", """
                        {"title": "Crisis response", "adoptedOn": "2026-01-20", "components": ["DE_ESCALATION", "TRAINING"]}""")
                .example("POST /api/v1/agencies/{agencyId}/completion", """
                        {"signerName": "Ada Wells", "signerRank": "Chief of Police", "letterDocument": "letters/7.pdf"}""")
                .example("POST /api/v1/agencies/{agencyId}/completion/review", """
                        {"decision": "REJECTED", "reason": "The letter is unsigned"}""")
                .example("POST /api/v1/agencies/{agencyId}/completion/reversal", """
                        {"reason": "The partnership MOU had lapsed"}""")
                .example("POST /api/v1/credentials/verification", """
                        {"credential": "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln"}""")
                .example("POST /api/v1/agencies/{agencyId}/members", """
                        {"email": "new.manager@input.example", "firstName": "Noor", "lastName": "Haddad"}""")
                .example("POST /api/v1/organizations", """
                        {"name": "County Behavioral Health", "kind": "MENTAL_HEALTH_PROVIDER", "city": "Dayton",
                         "state": "OH", "website": "https://cbh.example"}""")
                .example("POST /api/v1/organizations/{organizationId}/api-clients", """
                        {"name": "Scheduling system"}""")
                .run();
        assertTrue(report.requests() > 800, "the corpus reached every operation: " + report);
    }
}
