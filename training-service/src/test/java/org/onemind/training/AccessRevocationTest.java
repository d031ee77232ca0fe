package org.onemind.training;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TestTokens;

/**
 * A partner client revoked or a member removed in agency-service: the tokens they already hold
 * are refused here within seconds of the access-revoked event, not at their expiry; tokens issued
 * after the revocation, and everyone else's, still work.
 */
@QuarkusTest
class AccessRevocationTest {

    @Test
    void revokedPartnerClientsAndRemovedMembersAreRefusedWithinSeconds() {
        String agency = Agencies.known();
        UUID organization = UUID.randomUUID();
        Agencies.partnership(agency, organization.toString());
        String clientId = "partner-" + organization + "-test";
        String partner =
                TestTokens.token("partner", Map.of("partner_org_id", organization.toString(), "azp", clientId));
        String memberId = UUID.randomUUID().toString();
        String manager = TestTokens.token("agency-manager", Map.of("agency_id", agency, "sub", memberId));
        String otherManager = TestTokens.manager(UUID.fromString(agency));
        // Let in: an empty body is a 400, not a 401.
        recordCertification(partner, agency).statusCode(400);
        given().auth()
                .oauth2(manager)
                .get("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .statusCode(200);

        Instant revokedAt = Instant.now().plusSeconds(1); // after the second these tokens were issued in
        long sent = System.nanoTime();
        revoke(agency, "client:" + clientId, revokedAt, null, organization.toString());
        revoke(agency, "user:" + memberId, revokedAt, agency, null);
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> recordCertification(partner, agency).extract().statusCode() == 401);
        System.out.printf(
                "REVOCATION a revoked partner token refused %d ms after the event was sent%n",
                (System.nanoTime() - sent) / 1_000_000);
        recordCertification(partner, agency)
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("revoked"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> given().auth()
                                .oauth2(manager)
                                .get("/api/v1/agencies/{id}/personnel", agency)
                                .statusCode()
                        == 401);

        // Everyone else, and the same principals' tokens issued after the revocation, are let in.
        given().auth()
                .oauth2(otherManager)
                .get("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .statusCode(200);
        long later = revokedAt.getEpochSecond() + 1;
        String newPartnerToken = TestTokens.token(
                "partner", Map.of("partner_org_id", organization.toString(), "azp", clientId, "iat", later));
        recordCertification(newPartnerToken, agency).statusCode(400);
        String newManagerToken =
                TestTokens.token("agency-manager", Map.of("agency_id", agency, "sub", memberId, "iat", later));
        given().auth()
                .oauth2(newManagerToken)
                .get("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse recordCertification(String token, String agency) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/agencies/{id}/certifications", agency)
                .then();
    }

    private static void revoke(String key, String principal, Instant at, String agencyId, String organizationId) {
        Agencies.producer()
                .send(
                        "agency.events",
                        key,
                        """
                {"principal": "%s", "revokedAt": "%s", "agencyId": %s, "organizationId": %s}""".formatted(
                                        principal,
                                        at,
                                        agencyId == null ? "null" : "\"" + agencyId + "\"",
                                        organizationId == null ? "null" : "\"" + organizationId + "\""),
                        TrainingApiTest.ceHeaders("onemind.agency.access-revoked.v1", key));
    }
}
