package org.onemind.training;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;
import org.onemind.training.certification.Certification;

@QuarkusTest
@TestSecurity(user = "admin", roles = "campaign-admin")
class CertificationLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anIdempotencyKeyReturnsTheOriginalAndRefusesAnotherBody() {
        String agency = Agencies.known();
        String person = TrainingApiTest.addPerson(agency, "I-1", true);
        String body =
                TrainingApiTest.certification(person, TrainingApiTest.CIT_COURSE, java.time.LocalDate.of(2026, 1, 10));
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "retry-1")
                .body(body)
                .post("/api/v1/agencies/{id}/certifications", agency)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "retry-1")
                .body(body)
                .post("/api/v1/agencies/{id}/certifications", agency)
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "retry-1")
                .body(body.replace("2026-01-10", "2026-01-11"))
                .post("/api/v1/agencies/{id}/certifications", agency)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));
        assertEquals(1L, (long) Db.read(() -> Certification.count("agencyId", UUID.fromString(agency))));
    }

    @Test
    void aRevokedCertificationIsMarkedAndAnnounced() {
        String agency = Agencies.known();
        String person = TrainingApiTest.addPerson(agency, "R-1", true);
        String certification = given().contentType(ContentType.JSON)
                .body(TrainingApiTest.certification(
                        person, TrainingApiTest.MHFA_COURSE, java.time.LocalDate.of(2026, 1, 10)))
                .post("/api/v1/agencies/{id}/certifications", agency)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try (TopicProbe probe = new TopicProbe(bootstrapServers, "training.events")) {
            given().contentType(ContentType.JSON)
                    .body("{}")
                    .post("/api/v1/agencies/{id}/certifications/{cid}/revocation", agency, certification)
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", equalTo("reason"));
            given().contentType(ContentType.JSON)
                    .body("{\"reason\": \"Certificate was forged\"}")
                    .post("/api/v1/agencies/{id}/certifications/{cid}/revocation", agency, certification)
                    .then()
                    .statusCode(200)
                    .body("revoked", equalTo(true));
            given().contentType(ContentType.JSON)
                    .body("{\"reason\": \"again\"}")
                    .post("/api/v1/agencies/{id}/certifications/{cid}/revocation", agency, certification)
                    .then()
                    .statusCode(409);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsOfType("onemind.training.certification-revoked.v1").stream()
                            .anyMatch(r -> r.value().contains(certification)
                                    && r.value().contains("Certificate was forged")));
        }
        given().queryParam("missing", "MHFA")
                .get("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .body("items.id", hasItem(person));
    }

    @Test
    void peopleAreUpdatedWithIfMatchAndSeparatedPeopleTakeNoLaterTraining() {
        String agency = Agencies.known();
        String person = TrainingApiTest.addPerson(agency, "P-1", true);
        String etag = given().get("/api/v1/agencies/{id}/personnel/{pid}", agency, person)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .body("{\"role\": \"Sergeant\"}")
                .patch("/api/v1/agencies/{id}/personnel/{pid}", agency, person)
                .then()
                .statusCode(428);
        String next = given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"role\": \"Sergeant\"}")
                .patch("/api/v1/agencies/{id}/personnel/{pid}", agency, person)
                .then()
                .statusCode(200)
                .body("role", equalTo("Sergeant"))
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"role\": \"Lieutenant\"}")
                .patch("/api/v1/agencies/{id}/personnel/{pid}", agency, person)
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .header("If-Match", next)
                .body("{\"lastName\": \"=SUM(A1)\"}")
                .patch("/api/v1/agencies/{id}/personnel/{pid}", agency, person)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("lastName"));
        // If-Match: * matches any current version (RFC 9110): "change it, whatever it is now".
        given().contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body("{\"role\": \"Captain\"}")
                .patch("/api/v1/agencies/{id}/personnel/{pid}", agency, person)
                .then()
                .statusCode(200)
                .body("role", equalTo("Captain"));
        // Several bad query parameters are all named in one answer.
        given().queryParam("category", "FIRST_AID")
                .queryParam("expiringBefore", "2026-13-01")
                .queryParam("personnelId", "P-1")
                .get("/api/v1/agencies/{id}/certifications", agency)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("category", "expiringBefore", "personnelId"));
        // An unknown agency is not found, not an empty list.
        given().get("/api/v1/agencies/{id}/certifications", java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        given().contentType(ContentType.JSON)
                .body("{\"separatedOn\": \"2026-03-01\"}")
                .post("/api/v1/agencies/{id}/personnel/{pid}/separation", agency, person)
                .then()
                .statusCode(200)
                .body("separatedOn", equalTo("2026-03-01"));
        given().contentType(ContentType.JSON)
                .body(TrainingApiTest.certification(
                        person, TrainingApiTest.CIT_COURSE, java.time.LocalDate.of(2026, 3, 2)))
                .post("/api/v1/agencies/{id}/certifications", agency)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("completedOn"))
                .body("detail", containsString("separation"));
        given().queryParam("active", true)
                .get("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void campaignAdminsKeepTheCatalogAndDecideRecognitionRequests() {
        String agency = Agencies.known();
        try (TopicProbe probe = new TopicProbe(bootstrapServers, "training.events")) {
            String course = given().contentType(ContentType.JSON)
                    .body("{\"name\": \"Regional Crisis Response %s\", \"categories\": [\"CIT\"], \"hours\": 40}"
                            .formatted(UUID.randomUUID()))
                    .post("/api/v1/courses")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().contentType(ContentType.JSON)
                    .body("{\"categories\": [\"CIT\", \"MHFA\"], \"validityMonths\": 24}")
                    .patch("/api/v1/courses/{cid}", course)
                    .then()
                    .statusCode(200)
                    .body("validityMonths", equalTo(24));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsOfType("onemind.training.course-changed.v1").stream()
                            .anyMatch(r ->
                                    course.equals(r.key()) && r.value().contains("\"categories\":[\"MHFA\",\"CIT\"]")));
        }
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"X\", \"categories\": [\"YOGA\"], \"hours\": 8}")
                .post("/api/v1/courses")
                .then()
                .statusCode(400)
                .body("violations[0].field", containsString("categories"));

        String request = given().contentType(ContentType.JSON)
                .body("""
                        {"agencyId": "%s", "name": "Crisis Awareness for Officers", "provider": "State Academy", "hours": 8,
                         "topics": ["defusing crises", "mental health literacy", "combating stigma"], "requestedCategory": "MHFA"}""".formatted(agency))
                .post("/api/v1/course-recognition-requests")
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"decision\": \"REJECTED\"}")
                .post("/api/v1/course-recognition-requests/{rid}/decision", request)
                .then()
                .statusCode(400);
        String course = given().contentType(ContentType.JSON)
                .body("{\"decision\": \"APPROVED\", \"reason\": \"Covers the MHFA topics\"}")
                .post("/api/v1/course-recognition-requests/{rid}/decision", request)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .extract()
                .path("courseId");
        given().get("/api/v1/courses")
                .then()
                .body("items.find { it.id == '%s' }.categories".formatted(course), hasItem("MHFA"));
        given().contentType(ContentType.JSON)
                .body("{\"decision\": \"APPROVED\"}")
                .post("/api/v1/course-recognition-requests/{rid}/decision", request)
                .then()
                .statusCode(409);
    }
}
