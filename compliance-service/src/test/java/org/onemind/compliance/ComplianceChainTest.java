package org.onemind.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;

@QuarkusTest
class ComplianceChainTest {
    static final String MANAGED_AGENCY = "6f1d2a4e-4444-4c4c-9c9c-000000000004";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    // Relative to today, so that ON_TRACK stays true whatever day the tests run.
    static final java.time.LocalDate PLEDGED_ON = java.time.LocalDate.now().minusMonths(1);
    static final java.time.LocalDate TARGET = PLEDGED_ON.plusMonths(24);
    static final java.time.LocalDate COMPLETED_ON = java.time.LocalDate.now().minusDays(10);

    String send(String topic, String agencyId, String type, String body) {
        return new TopicProbe(bootstrapServers).sendEvent(topic, agencyId, type, body);
    }

    /** An agency with a pledge and {@code sworn} officers on its roster (other tests of the service use it too). @return their ids */
    static List<String> pledgedAgencyWithOfficers(String bootstrapServers, String agencyId, int sworn) {
        TopicProbe producer = new TopicProbe(bootstrapServers);
        producer.sendEvent(
                "agency.events", agencyId, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "Test PD", "type": "SHERIFF", "city": "Macon", "state": "GA",
                 "country": "US", "declaredSworn": %d, "declaredNonSworn": 0, "contacts": []}""".formatted(agencyId, sworn));
        producer.sendEvent("agency.events", agencyId, "onemind.agency.pledge-taken.v1", """
                {"agencyId": "%s", "pledgedOn": "%s", "targetCompletionOn": "%s"}""".formatted(
                        agencyId, PLEDGED_ON, TARGET));
        List<String> officers = new java.util.ArrayList<>();
        for (int i = 0; i < sworn; i++) {
            String personnelId = UUID.randomUUID().toString();
            officers.add(personnelId);
            producer.sendEvent("training.events", agencyId, "onemind.training.personnel-added.v1", """
                    {"agencyId": "%s", "personnelId": "%s", "sworn": true, "selectedForTraining": false, "hiredOn": null}""".formatted(
                            agencyId, personnelId));
        }
        return officers;
    }

    String recordCit(String agencyId, String personnelId) {
        return send("training.events", agencyId, "onemind.training.certification-recorded.v1", """
                {"agencyId": "%s", "certificationId": "%s", "personnelId": "%s",
                 "courseId": "00000000-0000-4000-8000-00000000a002", "categories": ["CIT"],
                 "completedOn": "%s", "expiresOn": null, "deliveryMode": "IN_PERSON"}""".formatted(
                        agencyId, UUID.randomUUID(), personnelId, COMPLETED_ON));
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void anImportedRosterAndClassAreEvaluatedPerChunkNotPerRowAndARepeatChangesNothing() {
        String agencyId = UUID.randomUUID().toString();
        TopicProbe producer = new TopicProbe(bootstrapServers);
        producer.sendEvent("agency.events", agencyId, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "Chunk PD", "type": "SHERIFF", "city": "Macon", "state": "GA",
                 "country": "US", "declaredSworn": 50, "declaredNonSworn": 0, "contacts": []}""".formatted(agencyId));
        List<String> officers = new java.util.ArrayList<>();
        StringBuilder people = new StringBuilder();
        StringBuilder certifications = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            String personnelId = UUID.randomUUID().toString();
            officers.add(personnelId);
            people.append(i == 0 ? "" : ",").append("""
                    {"personnelId": "%s", "sworn": true, "selectedForTraining": false, "hiredOn": null}""".formatted(personnelId));
            if (i < 30) {
                certifications.append(i == 0 ? "" : ",").append("""
                        {"certificationId": "%s", "personnelId": "%s"}""".formatted(UUID.randomUUID(), personnelId));
            }
        }
        try (TopicProbe compliance = new TopicProbe(bootstrapServers, "compliance.events")) {
            producer.sendEvent("training.events", agencyId, "onemind.training.personnel-imported.v1", """
                    {"agencyId": "%s", "personnel": [%s]}""".formatted(
                            agencyId, people));
            String classBody = """
                    {"agencyId": "%s", "courseId": "00000000-0000-4000-8000-00000000a002", "categories": ["CIT"],
                     "completedOn": "%s", "expiresOn": null, "deliveryMode": "IN_PERSON", "certifications": [%s]}""".formatted(agencyId, COMPLETED_ON, certifications);
            java.util.Map<String, String> classHeaders =
                    TopicProbe.eventHeaders("onemind.training.certifications-recorded.v1", agencyId);
            producer.send("training.events", agencyId, classBody, classHeaders);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                            .then()
                            .statusCode(200)
                            .body("practices.cit.sworn", equalTo(50))
                            .body("practices.cit.swornTrained", equalTo(30))
                            .body("practices.cit.met", equalTo(true)));
            // Delivered again (a producer retry): the same certifications, counted once.
            producer.send("training.events", agencyId, classBody, classHeaders);
            // 80 rows in three events: at most one evaluation each, counted over a quiet period.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> evaluatedEvents(compliance, agencyId).size() <= 3);
            given().get("/api/v1/agencies/{id}/compliance", agencyId)
                    .then()
                    .body("practices.cit.swornTrained", equalTo(30))
                    .body("practices.mhfa.sworn", equalTo(50));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void aCitCertificationMakesThePracticeMetAndPublishesWhatChangedOnce() {
        String agencyId = UUID.randomUUID().toString();
        List<String> officers = pledgedAgencyWithOfficers(bootstrapServers, agencyId, 6);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                        .then()
                        .statusCode(200)
                        .body("practices.cit.sworn", equalTo(6))
                        .body("practices.cit.required", equalTo(2)));

        try (TopicProbe compliance = new TopicProbe(bootstrapServers, "compliance.events")) {
            recordCit(agencyId, officers.get(0));
            String causation = recordCit(agencyId, officers.get(1));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                            .then()
                            .statusCode(200)
                            .body("practices.cit.met", equalTo(true))
                            .body("practices.cit.swornTrained", equalTo(2))
                            .body("practices.mhfa.met", equalTo(false))
                            .body("ruleEdition", equalTo("2016"))
                            .body("eligible", equalTo(false))
                            .body("deadlineStatus", equalTo("ON_TRACK")));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> evaluatedEvents(compliance, agencyId).stream()
                            .anyMatch(r -> r.value().contains("\"to\":\"MET\"")));
            // Counted over a quiet period: a repeated "became met" would show up within it.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> evaluatedEvents(compliance, agencyId).stream()
                                    .filter(r -> r.value().contains("\"to\":\"MET\""))
                                    .count()
                            == 1);
            List<ConsumerRecord<String, String>> becameMet = evaluatedEvents(compliance, agencyId).stream()
                    .filter(r -> r.value().contains("\"to\":\"MET\""))
                    .toList();
            assertEquals(1, becameMet.size(), "the practice became met once");
            ConsumerRecord<String, String> evaluated = becameMet.get(0);
            assertTrue(
                    evaluated.value().contains("{\"practice\":\"CIT\",\"from\":\"UNMET\",\"to\":\"MET\"}"),
                    evaluated.value());
            assertTrue(evaluated.value().contains("\"causationId\":\"" + causation + "\""));
            assertEquals(agencyId, TopicProbe.header(evaluated, "ce_subject"));

            // A third certification changes a count but no practice: the new figures go out, with no change listed.
            recordCit(agencyId, officers.get(2));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> evaluatedEvents(compliance, agencyId).stream()
                            .anyMatch(r -> r.value().contains("\"swornTrained\":3")));
            ConsumerRecord<String, String> figures = evaluatedEvents(compliance, agencyId).stream()
                    .filter(r -> r.value().contains("\"swornTrained\":3"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(figures.value().contains("\"changes\":[]"), figures.value());
            assertTrue(figures.value().contains("\"eligibleChanged\":false"));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void asOfAnswersForAnyDateAndRefusesAMalformedOne() {
        String agencyId = UUID.randomUUID().toString();
        List<String> officers = pledgedAgencyWithOfficers(bootstrapServers, agencyId, 1);
        recordCit(agencyId, officers.get(0));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                        .then()
                        .body("practices.cit.met", equalTo(true)));
        String dayBefore = COMPLETED_ON.minusDays(1).toString();
        given().queryParam("asOf", dayBefore)
                .get("/api/v1/agencies/{id}/compliance", agencyId)
                .then()
                .statusCode(200)
                .body("asOf", equalTo(dayBefore))
                .body("practices.cit.met", equalTo(false));
        given().queryParam("asOf", TARGET.plusDays(1).toString())
                .get("/api/v1/agencies/{id}/compliance", agencyId)
                .then()
                .statusCode(200)
                .body("deadlineStatus", equalTo("OVERDUE"));
        given().queryParam("asOf", "31/01/2026")
                .get("/api/v1/agencies/{id}/compliance", agencyId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("asOf"));
        given().get("/api/v1/agencies/{id}/compliance", UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "manager", roles = "agency-manager")
    @OidcSecurity(claims = @Claim(key = "agency_id", value = MANAGED_AGENCY))
    void anAgencyManagerReadsOnlyTheirOwnCompliance() {
        pledgedAgencyWithOfficers(bootstrapServers, MANAGED_AGENCY, 1);
        String other = UUID.randomUUID().toString();
        pledgedAgencyWithOfficers(bootstrapServers, other, 1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", MANAGED_AGENCY)
                        .then()
                        .statusCode(200)
                        .body("practices.mhfa.sworn", equalTo(1)));
        given().get("/api/v1/agencies/{id}/compliance", other).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void reclassifyingACourseReEvaluatesEveryAgencyWithItsCertifications() {
        String course = UUID.randomUUID().toString();
        List<String> agencies =
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (String agencyId : agencies) {
            List<String> officers = pledgedAgencyWithOfficers(bootstrapServers, agencyId, 1);
            send("training.events", agencyId, "onemind.training.certification-recorded.v1", """
                    {"agencyId": "%s", "certificationId": "%s", "personnelId": "%s", "courseId": "%s", "categories": [],
                     "completedOn": "2026-02-01", "expiresOn": null, "deliveryMode": "IN_PERSON"}""".formatted(
                            agencyId, UUID.randomUUID(), officers.get(0), course));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                            .then()
                            .statusCode(200)
                            .body("practices.mhfa.sworn", equalTo(1))
                            .body("practices.mhfa.met", equalTo(false)));
        }
        // The course is recognized as MHFA-equivalent: both agencies' officers are now covered.
        send("training.events", course, "onemind.training.course-changed.v1", """
                {"courseId": "%s", "name": "State Crisis Course", "categories": ["MHFA"], "validityMonths": null}""".formatted(course));
        for (String agencyId : agencies) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                            .then()
                            .body("practices.mhfa.met", equalTo(true)));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void anAgencyOutsideTheUnitedStatesWithoutAStateIsAppliedNotDeadLettered() {
        // The contract allows state to be null (agency-registered.v1): the consumer must accept what the producer may
        // send.
        String agencyId = UUID.randomUUID().toString();
        send("agency.events", agencyId, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "Toronto Police Service", "type": "MUNICIPAL_POLICE", "city": "Toronto", "state": null,
                 "country": "CA", "declaredSworn": 3, "declaredNonSworn": 0, "contacts": []}""".formatted(agencyId));
        send("agency.events", agencyId, "onemind.agency.pledge-taken.v1", """
                {"agencyId": "%s", "pledgedOn": "%s", "targetCompletionOn": "%s"}""".formatted(agencyId, PLEDGED_ON, TARGET));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                        .then()
                        .statusCode(200)
                        .body("deadlineStatus", equalTo("ON_TRACK"))
                        .body(
                                "warnings",
                                org.hamcrest.Matchers.hasItem(
                                        "the roster has 0 active sworn officers; the agency declared 3")));
    }

    @Test
    void anonymousCallersAreRefused() {
        RestAssured.given()
                .get("/api/v1/agencies/{id}/compliance", UUID.randomUUID())
                .then()
                .statusCode(401);
    }

    static List<ConsumerRecord<String, String>> evaluatedEvents(TopicProbe probe, String agencyId) {
        return probe.recordsOfType("onemind.compliance.compliance-evaluated.v1").stream()
                .filter(r -> agencyId.equals(r.key()))
                .toList();
    }
}
