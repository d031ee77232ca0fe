package org.onemind.training;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;
import org.onemind.training.agency.KnownAgency;
import org.onemind.training.certification.Certification;

@QuarkusTest
class TrainingApiTest {
    static final String MHFA_COURSE = "00000000-0000-4000-8000-00000000a001";
    static final String CIT_COURSE = "00000000-0000-4000-8000-00000000a002";
    static final String MANAGED_AGENCY = "6f1d2a4e-2222-4c4c-9c9c-000000000002";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Announces an agency as agency-service would, and waits until training-service knows it. */
    String knownAgency(String agencyId) {
        new TopicProbe(bootstrapServers)
                .send(
                        "agency.events",
                        agencyId,
                        """
                {"agencyId": "%s", "name": "Test PD", "type": "SHERIFF", "city": "Macon", "state": "GA",
                 "country": "US", "declaredSworn": 5, "declaredNonSworn": 0, "contacts": []}""".formatted(agencyId),
                        ceHeaders("onemind.agency.agency-registered.v1", agencyId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.read(() -> KnownAgency.findById(UUID.fromString(agencyId)) != null));
        return agencyId;
    }

    static Map<String, String> ceHeaders(String type, String subject) {
        return TopicProbe.eventHeaders(type, subject);
    }

    static String addPerson(String agencyId, String employeeNumber, boolean sworn) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"employeeNumber": "%s", "firstName": "Rosa", "lastName": "Diaz", "sworn": %s, "role": "Officer"}
                        """.formatted(employeeNumber, sworn))
                .when()
                .post("/api/v1/agencies/{id}/personnel", agencyId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String certification(String personnelId, String courseId, LocalDate completedOn) {
        return """
                {"personnelId": "%s", "courseId": "%s", "completedOn": "%s", "deliveryMode": "IN_PERSON", "certificateNumber": "C-1"}
                """.formatted(personnelId, courseId, completedOn);
    }

    @Test
    void theCourseCatalogIsPublicAndSeeded() {
        given().when()
                .get("/api/v1/courses")
                .then()
                .statusCode(200)
                .body(
                        "items.id",
                        org.hamcrest.Matchers.hasItems(
                                MHFA_COURSE,
                                CIT_COURSE,
                                "00000000-0000-4000-8000-00000000a003",
                                "00000000-0000-4000-8000-00000000a004"))
                .body(
                        "items.find { it.name.startsWith('Mental Health First Aid') }.categories",
                        equalTo(List.of("MHFA")))
                .body("items.find { it.name.startsWith('Mental Health First Aid') }.validityMonths", equalTo(36))
                .body("items.find { it.name.startsWith('ICAT') }.categories", equalTo(List.of("MHFA")))
                .body("items.find { it.name.startsWith('QPR') }.categories", hasSize(0))
                .body("items.find { it.name.startsWith('Crisis Intervention') }.categories", equalTo(List.of("CIT")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void aRecordedCertificationExpiresWithItsCourseAndLeavesAsAnEvent() {
        String agencyId = knownAgency(UUID.randomUUID().toString());
        String person = addPerson(agencyId, "E-100", true);
        try (TopicProbe probe = new TopicProbe(bootstrapServers, "training.events")) {
            String certificationId = given().contentType(ContentType.JSON)
                    .body(certification(person, MHFA_COURSE, LocalDate.of(2025, 5, 20)))
                    .when()
                    .post("/api/v1/agencies/{id}/certifications", agencyId)
                    .then()
                    .statusCode(201)
                    .body("expiresOn", equalTo("2028-05-20"))
                    .body("categories", hasItem("MHFA"))
                    .extract()
                    .path("id");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsOfType("onemind.training.certification-recorded.v1").stream()
                            .anyMatch(r -> r.value().contains(certificationId)));
            ConsumerRecord<String, String> event =
                    probe.recordsOfType("onemind.training.certification-recorded.v1").stream()
                            .filter(r -> r.value().contains(certificationId))
                            .findFirst()
                            .orElseThrow();
            assertEquals(agencyId, event.key());
            assertTrue(event.value().contains("\"expiresOn\":\"2028-05-20\""));
            assertTrue(event.value().contains("\"categories\":[\"MHFA\"]"));
            assertTrue(probe.recordsOfType("onemind.training.personnel-added.v1").stream()
                    .anyMatch(r -> r.value().contains(person)));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void badCertificationsAreRefusedAndWriteNothing() {
        String agencyId = knownAgency(UUID.randomUUID().toString());
        String otherAgency = knownAgency(UUID.randomUUID().toString());
        String person = addPerson(agencyId, "E-200", true);
        String stranger = addPerson(otherAgency, "E-200", true);

        given().contentType(ContentType.JSON)
                .body(certification(person, CIT_COURSE, LocalDate.now().plusDays(1)))
                .when()
                .post("/api/v1/agencies/{id}/certifications", agencyId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("completedOn"))
                .body("detail", containsString("future"));
        given().contentType(ContentType.JSON)
                .body(certification(person, UUID.randomUUID().toString(), LocalDate.now()))
                .when()
                .post("/api/v1/agencies/{id}/certifications", agencyId)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("courseId"));
        given().contentType(ContentType.JSON)
                .body(certification(stranger, CIT_COURSE, LocalDate.now()))
                .when()
                .post("/api/v1/agencies/{id}/certifications", agencyId)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("personnelId"));
        given().contentType(ContentType.JSON)
                .body(certification(person, CIT_COURSE, LocalDate.now()).replace("IN_PERSON", "CARRIER_PIGEON"))
                .when()
                .post("/api/v1/agencies/{id}/certifications", agencyId)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("deliveryMode"));
        given().contentType(ContentType.JSON)
                .body(certification(person, CIT_COURSE, LocalDate.now()))
                .when()
                .post("/api/v1/agencies/{id}/certifications", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertEquals(0, Certification.count("agencyId", UUID.fromString(agencyId)));
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void employeeNumbersAreUniqueWithinAnAgencyAndNamesCannotCarryFormulas() {
        String agencyId = knownAgency(UUID.randomUUID().toString());
        addPerson(agencyId, "E-300", true);
        given().contentType(ContentType.JSON)
                .body("""
                        {"employeeNumber": "E-300", "firstName": "Jake", "lastName": "Peralta", "sworn": true}""")
                .when()
                .post("/api/v1/agencies/{id}/personnel", agencyId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("duplicate-employee-number"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"employeeNumber": "E-301", "firstName": "=cmd|' /C calc'!A0", "lastName": "Peralta", "sworn": true}""")
                .when()
                .post("/api/v1/agencies/{id}/personnel", agencyId)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("firstName"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "agency-manager")
    @OidcSecurity(claims = @Claim(key = "agency_id", value = MANAGED_AGENCY))
    void anAgencyManagerWorksOnlyOnTheirOwnAgency() {
        knownAgency(MANAGED_AGENCY);
        String other = knownAgency(UUID.randomUUID().toString());
        addPerson(MANAGED_AGENCY, "M-1", true);
        given().when()
                .get("/api/v1/agencies/{id}/personnel", MANAGED_AGENCY)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].employeeNumber", equalTo("M-1"));
        given().when().get("/api/v1/agencies/{id}/personnel", other).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(certification(UUID.randomUUID().toString(), CIT_COURSE, LocalDate.now()))
                .when()
                .post("/api/v1/agencies/{id}/certifications", other)
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_org_id", value = "6f1d2a4e-3333-4c4c-9c9c-000000000003"))
    void aPartnerWithoutAPartnershipSeesNothing() {
        String agencyId = knownAgency(UUID.randomUUID().toString());
        given().contentType(ContentType.JSON)
                .body(certification(UUID.randomUUID().toString(), CIT_COURSE, LocalDate.now()))
                .when()
                .post("/api/v1/agencies/{id}/certifications", agencyId)
                .then()
                .statusCode(404);
        given().when().get("/api/v1/agencies/{id}/personnel", agencyId).then().statusCode(403);
    }
}
