package org.onemind.agency;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.onemind.agency.agency.Agency;
import org.onemind.agency.agency.AgencyType;
import org.onemind.agency.compliance.ComplianceStatus;
import org.onemind.agency.organization.Organization;
import org.onemind.agency.organization.OrganizationKind;
import org.onemind.agency.partnership.Partnership;
import org.onemind.agency.pledge.Pledge;
import org.onemind.infra.TopicProbe;
import org.onemind.platform.contract.DeadlineStatus;
import org.onemind.platform.contract.PledgeStatus;

/** Test data written straight to the database, for states a role under test cannot create itself. */
final class Fixtures {
    private Fixtures() {}

    static UUID agency(UUID id, String name, String state) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Agency.findById(id) == null) {
                Agency agency = new Agency();
                agency.id = id;
                agency.name = name;
                agency.type = AgencyType.MUNICIPAL_POLICE;
                agency.city = "Springfield";
                agency.state = state;
                agency.country = "US";
                agency.declaredSworn = 10;
                agency.declaredNonSworn = 2;
                agency.createdAt = Instant.now();
                agency.updatedAt = agency.createdAt;
                agency.persist();
            }
        });
        return id;
    }

    static void pledge(UUID agencyId, LocalDate pledgedOn) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Pledge.activeOf(agencyId).isEmpty()) {
                Pledge pledge = new Pledge();
                pledge.id = UUID.randomUUID();
                pledge.agencyId = agencyId;
                pledge.pledgedOn = pledgedOn;
                pledge.targetCompletionOn = pledgedOn.plusMonths(24);
                pledge.signedBy = "Chief";
                pledge.status = PledgeStatus.PLEDGED;
                pledge.deadlineStatus = DeadlineStatus.ON_TRACK;
                pledge.createdAt = Instant.now();
                pledge.persist();
            }
        });
    }

    /** The agency's pledge as the campaign's verification leaves it: completed on {@code completedOn}. */
    static void completed(UUID agencyId, LocalDate completedOn) {
        QuarkusTransaction.requiringNew().run(() -> {
            Pledge pledge = Pledge.activeOf(agencyId).orElseThrow();
            pledge.status = PledgeStatus.COMPLETED;
            pledge.completedOn = completedOn;
        });
    }

    static UUID provider(UUID id, String name) {
        return organization(id, name, OrganizationKind.MENTAL_HEALTH_PROVIDER);
    }

    static UUID organization(UUID id, String name, OrganizationKind kind) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Organization.findById(id) == null) {
                Organization organization = new Organization();
                organization.id = id;
                organization.name = name;
                organization.kind = kind;
                organization.createdAt = Instant.now();
                organization.persist();
            }
        });
        return id;
    }

    static void partnership(UUID agencyId, UUID organizationId) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!Partnership.active(agencyId, organizationId)) {
                Partnership partnership = new Partnership();
                partnership.id = UUID.randomUUID();
                partnership.agencyId = agencyId;
                partnership.organizationId = organizationId;
                partnership.mouSignedOn = LocalDate.of(2025, 9, 1);
                partnership.createdAt = Instant.now();
                partnership.persist();
            }
        });
    }

    /** Publishes what compliance-service would, and waits until agency-service has taken it in. */
    static void complianceSays(UUID agencyId, boolean eligible, boolean partnershipMet) {
        String body = """
                {"agencyId": "%s", "evaluatedAt": "%s", "asOf": "%s", "ruleEdition": "2016", "eligible": %s,
                 "practices": {"partnership": {"met": %s, "activePartnerships": 1, "reason": %s},
                               "policy": {"met": true},
                               "mhfa": {"met": true, "sworn": 42, "swornTrained": 42, "selectedNonSworn": 3, "selectedNonSwornTrained": 3},
                               "cit": {"met": true, "sworn": 42, "swornTrained": 9, "required": 9, "nonSwornTrained": 0}},
                 "deadlineStatus": "ON_TRACK", "warnings": [], "changes": [], "eligibleChanged": true, "causationId": null}""".formatted(
                        agencyId,
                        OffsetDateTime.now(),
                        LocalDate.now(),
                        eligible,
                        partnershipMet,
                        partnershipMet ? "null" : "\"no active partnership with a mental health provider\"");
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        new TopicProbe(bootstrap)
                .sendEvent(
                        "compliance.events", agencyId.toString(), "onemind.compliance.compliance-evaluated.v1", body);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> {
                    ComplianceStatus status = ComplianceStatus.findById(agencyId);
                    return status != null && status.eligible == eligible;
                }));
    }

    /** An agency with every resource an operation can name: a pledge, a partner, a policy, a submitted completion. */
    record FullAgency(UUID agency, UUID provider, UUID partnership) {}

    /** A request with the admin's token; with none, as the test's own identity (@TestSecurity). */
    private static io.restassured.specification.RequestSpecification as(String admin) {
        return admin == null
                ? io.restassured.RestAssured.given()
                : io.restassured.RestAssured.given().auth().oauth2(admin);
    }

    static FullAgency fullAgency(String name, String admin) {
        UUID agency = agency(UUID.randomUUID(), name, "OH");
        pledge(agency, LocalDate.now().minusMonths(1));
        UUID provider = provider(UUID.randomUUID(), "Partner of " + name);
        partnership(agency, provider);
        UUID partnership = org.onemind.agency.partnership.Partnership.<org.onemind.agency.partnership.Partnership>find(
                        "agencyId", agency)
                .firstResult()
                .id;
        as(admin)
                .contentType(io.restassured.http.ContentType.JSON)
                .body(
                        "{\"title\": \"Crisis response\", \"adoptedOn\": \"2026-01-15\", \"components\": [\"DE_ESCALATION\"]}")
                .put("/api/v1/agencies/{id}/policy", agency)
                .then()
                .statusCode(200);
        complianceSays(agency, true, true);
        as(admin)
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"signerName\": \"Ada Wells\", \"signerRank\": \"Chief of Police\"}")
                .post("/api/v1/agencies/{id}/completion", agency)
                .then()
                .statusCode(201);
        return new FullAgency(agency, provider, partnership);
    }
}
