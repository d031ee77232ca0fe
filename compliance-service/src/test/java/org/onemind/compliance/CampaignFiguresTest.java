package org.onemind.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.compliance.evaluation.NightlyReevaluation;
import org.onemind.infra.TopicProbe;

@QuarkusTest
@TestSecurity(user = "admin", roles = "campaign-admin")
class CampaignFiguresTest {
    static final String MANAGED = "6f1d2a4e-cccc-4c4c-9c9c-000000000030";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    NightlyReevaluation nightly;

    String send(String topic, String agencyId, String type, String body) {
        return new TopicProbe(bootstrapServers).sendEvent(topic, agencyId, type, body);
    }

    /** An agency in a state with one sworn officer holding a CIT certification that expires in 30 days. */
    String agencyWithExpiringCit(String agencyId, String state) {
        send("agency.events", agencyId, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "PD", "type": "SHERIFF", "city": "C", "state": "%s", "country": "US",
                 "declaredSworn": 1, "declaredNonSworn": 0, "contacts": []}""".formatted(agencyId, state));
        send("agency.events", agencyId, "onemind.agency.pledge-taken.v1", """
                {"agencyId": "%s", "pledgedOn": "%s", "targetCompletionOn": "%s"}""".formatted(
                        agencyId, ComplianceChainTest.PLEDGED_ON, ComplianceChainTest.TARGET));
        String person = UUID.randomUUID().toString();
        send("training.events", agencyId, "onemind.training.personnel-added.v1", """
                {"agencyId": "%s", "personnelId": "%s", "sworn": true, "selectedForTraining": false, "hiredOn": null}""".formatted(agencyId, person));
        send("training.events", agencyId, "onemind.training.certification-recorded.v1", """
                {"agencyId": "%s", "certificationId": "%s", "personnelId": "%s", "courseId": "%s", "categories": ["CIT"],
                 "completedOn": "2025-01-01", "expiresOn": "%s", "deliveryMode": "IN_PERSON"}""".formatted(
                        agencyId,
                        UUID.randomUUID(),
                        person,
                        UUID.randomUUID(),
                        LocalDate.now().plusDays(30)));
        // Both topics applied (they are not ordered with each other): the certification, and the pledge
        // that follows the registration on agency.events.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                        .then()
                        .statusCode(200)
                        .body("practices.cit.met", equalTo(true))
                        .body("deadlineStatus", equalTo("ON_TRACK")));
        return agencyId;
    }

    @Test
    void expiriesThatWouldUnmeetAPracticeAreWarnedListedAndAnnouncedOnce() {
        String agency = agencyWithExpiringCit(UUID.randomUUID().toString(), "WY");
        String expiry = LocalDate.now().plusDays(30).toString();
        given().get("/api/v1/agencies/{id}/compliance", agency)
                .then()
                .body("warnings", hasItem(containsString("CIT would become unmet on " + expiry)));
        given().get("/api/v1/agencies/{id}/compliance/expiring", agency)
                .then()
                .statusCode(200)
                .body("practices[0].practice", equalTo("CIT"))
                .body("practices[0].count", equalTo(1))
                .body("practices[0].wouldBecomeUnmetOn", equalTo(expiry));
        given().queryParam("withinDays", 10)
                .get("/api/v1/agencies/{id}/compliance/expiring", agency)
                .then()
                .body("practices.size()", equalTo(0));
        given().queryParam("withinDays", 0)
                .get("/api/v1/agencies/{id}/compliance/expiring", agency)
                .then()
                .statusCode(400);
        given().queryParam("asOf", expiry)
                .get("/api/v1/agencies/{id}/compliance", agency)
                .then()
                .body("practices.cit.met", equalTo(false));

        try (TopicProbe compliance = new TopicProbe(bootstrapServers, "compliance.events")) {
            assertTrue(nightly.announceExpiries() >= 1);
            nightly.announceExpiries(); // a second night: nothing new to say
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> compliance.recordsOfType("onemind.compliance.certifications-expiring.v1").stream()
                            .anyMatch(r -> agency.equals(r.key())));
            // Counted after a quiet period: a second notice would show up within it.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> compliance.recordsOfType("onemind.compliance.certifications-expiring.v1").stream()
                                    .filter(r -> agency.equals(r.key()))
                                    .count()
                            == 1);
            List<String> notices = compliance.recordsOfType("onemind.compliance.certifications-expiring.v1").stream()
                    .filter(r -> agency.equals(r.key()))
                    .map(r -> r.value())
                    .toList();
            assertEquals(1, notices.size(), "announced once");
            assertTrue(notices.get(0).contains("\"wouldBecomeUnmetOn\":\"" + expiry + "\""), notices.get(0));
        }
    }

    @Test
    void historySummaryAndRebuildAnswerCampaignStaff() {
        String agency = agencyWithExpiringCit(UUID.randomUUID().toString(), "ND");
        given().get("/api/v1/agencies/{id}/compliance/history", agency)
                .then()
                .statusCode(200)
                .body("items[0].changes[0].practice", equalTo("CIT"))
                .body("items[0].changes[0].to", equalTo("MET"))
                .body("items[0].causationId", org.hamcrest.Matchers.notNullValue());

        given().queryParam("state", "nd")
                .get("/api/v1/compliance/summary")
                .then()
                .statusCode(200)
                .body("state", equalTo("ND"))
                .body("agencies", equalTo(1))
                .body("practiceMet.CIT", equalTo(1))
                .body("practiceMet.MHFA", equalTo(0))
                .body("byPledgeStatus.PLEDGED", equalTo(1))
                .body("eligible", equalTo(0));

        String rebuild = given().post("/api/v1/compliance/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/v1/compliance/rebuild/{id}", rebuild)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("DONE"))
                        .body("done", greaterThanOrEqualTo(1))
                        .body("failed", equalTo(0)));
        given().get("/api/v1/compliance/rebuild/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/agencies/{id}/compliance", agency).then().body("practices.cit.met", equalTo(true));
    }

    @Test
    @TestSecurity(user = "manager", roles = "agency-manager")
    @OidcSecurity(claims = @Claim(key = "agency_id", value = MANAGED))
    void managersSeeTheirOwnHistoryAndExpiriesButNoCampaignFigures() {
        String other = UUID.randomUUID().toString();
        send("agency.events", other, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "PD", "type": "SHERIFF", "city": "C", "state": "SD", "country": "US",
                 "declaredSworn": 1, "declaredNonSworn": 0, "contacts": []}""".formatted(other));
        send("agency.events", MANAGED, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "PD", "type": "SHERIFF", "city": "C", "state": "SD", "country": "US",
                 "declaredSworn": 1, "declaredNonSworn": 0, "contacts": []}""".formatted(MANAGED));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance/history", MANAGED)
                        .then()
                        .statusCode(200));
        given().get("/api/v1/agencies/{id}/compliance/expiring", MANAGED).then().statusCode(200);
        for (String path : List.of(
                "/api/v1/agencies/{id}/compliance",
                "/api/v1/agencies/{id}/compliance/history",
                "/api/v1/agencies/{id}/compliance/expiring")) {
            given().get(path, other).then().statusCode(404);
        }
        given().get("/api/v1/compliance/summary").then().statusCode(403);
        given().post("/api/v1/compliance/rebuild").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_org_id", value = "6f1d2a4e-cccc-4c4c-9c9c-000000000031"))
    void aPartnerReadsTheComplianceOfItsPartneredAgencyOnly() {
        String partnered = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        for (String agency : List.of(partnered, other)) {
            send("agency.events", agency, "onemind.agency.agency-registered.v1", """
                    {"agencyId": "%s", "name": "PD", "type": "SHERIFF", "city": "C", "state": "SD", "country": "US",
                     "declaredSworn": 1, "declaredNonSworn": 0, "contacts": []}""".formatted(agency));
        }
        send("agency.events", partnered, "onemind.agency.partnership-established.v1", """
                {"agencyId": "%s", "partnershipId": "%s", "organizationId": "6f1d2a4e-cccc-4c4c-9c9c-000000000031",
                 "organizationName": "P", "organizationKind": "MENTAL_HEALTH_PROVIDER", "mouSignedOn": "2025-01-01"}""".formatted(
                        partnered, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", partnered)
                        .then()
                        .statusCode(200)
                        .body("practices.partnership.met", equalTo(true)));
        given().get("/api/v1/agencies/{id}/compliance", other).then().statusCode(404);
        given().get("/api/v1/agencies/{id}/compliance/history", partnered)
                .then()
                .statusCode(403);
        given().get("/api/v1/compliance/summary").then().statusCode(403);
    }
}
