package org.onemind.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onemind.training.personnel.Personnel;

/** A body that could be read two ways is refused with a problem naming what is wrong, and nothing is written. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "campaign-admin")
class StrictJsonTest {

    @Test
    void ambiguousBodiesAreRefusedAndChangeNothing() {
        String agency = Agencies.known();
        String person = TrainingApiTest.addPerson(agency, "S-1", true);
        String employee = "S-" + UUID.randomUUID().toString().substring(0, 6);

        // The same key twice: which one did the client mean?
        refused(agency, """
                {"employeeNumber": "%s", "employeeNumber": "X-2", "firstName": "Rosa", "lastName": "Diaz", "sworn": true}""".formatted(employee))
                .body("violations[0].field", equalTo("employeeNumber"))
                .body("detail", containsString("more than once"));
        // Content after the document, or a second document.
        refused(agency, """
                {"employeeNumber": "%s", "firstName": "Rosa", "lastName": "Diaz", "sworn": true} {"sworn": false}""".formatted(employee)).body("detail", containsString("more content after its JSON document"));
        refused(agency, """
                {"employeeNumber": "%s", "firstName": "Rosa", "lastName": "Diaz", "sworn": true} garbage""".formatted(employee));
        // A number where a date belongs is not read as days since 1970.
        refused(agency, """
                {"employeeNumber": "%s", "firstName": "Rosa", "lastName": "Diaz", "sworn": true, "hiredOn": 18000}""".formatted(employee))
                .body("violations[0].field", equalTo("hiredOn"))
                .body("violations[0].message", equalTo(org.onemind.platform.input.Dates.RULE));
        assertEquals(0L, (long) Db.read(() -> Personnel.count("employeeNumber", employee)), "nothing was written");

        // An enum by its index is not taken as the first value.
        given().contentType(ContentType.JSON)
                .body("""
                        {"personnelId": "%s", "courseId": "%s", "completedOn": "%s", "deliveryMode": 0}""".formatted(
                                person,
                                TrainingApiTest.CIT_COURSE,
                                java.time.LocalDate.now().minusDays(1)))
                .post("/api/v1/agencies/{id}/certifications", agency)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("deliveryMode"))
                .body("violations[0].message", containsString("IN_PERSON"));
    }

    @Test
    void everyBadFieldOfABodyIsReportedInOneAnswer() {
        String agency = Agencies.known();
        // An unknown enum, a date out of range, text where a boolean belongs, an object for text, a
        // field the API does not know, and a missing required field: all in one answer.
        refused(agency, """
                {"employeeNumber": "E-1", "firstName": {"a": 1}, "sworn": "yes", "hiredOn": "+999999999-12-31",
                 "role": "\u202Eboss", "rank": "captain"}""")
                .body(
                        "violations.field",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                "firstName", "sworn", "hiredOn", "role", "rank", "lastName"))
                .body(
                        "violations.find { it.field == 'hiredOn' }.message",
                        equalTo(org.onemind.platform.input.Dates.RULE))
                .body("violations.find { it.field == 'role' }.message", containsString("bidirectional"))
                .body("violations.find { it.field == 'rank' }.message", equalTo("is not a known field"));
        assertEquals(
                0L, (long) Db.read(() -> Personnel.count("agencyId", UUID.fromString(agency))), "nothing was written");
    }

    @Test
    void textIsRefusedWithControlOrOnlyInvisibleCharactersAndStoredNfc() {
        String agency = Agencies.known();
        refused(
                        agency,
                        "{\"employeeNumber\": \"T-1\", \"firstName\": \"Ro\\u0000sa\", \"lastName\": \"Diaz\", \"sworn\": true}")
                .body("violations[0].field", equalTo("firstName"))
                .body("violations[0].message", equalTo("must not contain control characters"));
        refused(
                        agency,
                        "{\"employeeNumber\": \"T-1\", \"firstName\": \"\\u200B\", \"lastName\": \"Diaz\", \"sworn\": true}")
                .body("violations[0].message", equalTo("must contain visible characters"));
        refused(
                        agency,
                        "{\"employeeNumber\": \"T-1\", \"firstName\": \"Rosa\", \"lastName\": \"Di\\naz\", \"sworn\": true}")
                .body("violations[0].message", equalTo("must not contain tabs or line breaks"));
        // "é" as e + combining accent is stored as the single character, so both spellings are one name.
        given().contentType(ContentType.JSON)
                .body(
                        "{\"employeeNumber\": \"T-2\", \"firstName\": \"Rene\\u0301\", \"lastName\": \"Diaz\", \"sworn\": true}")
                .post("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .statusCode(201)
                .body("firstName", equalTo("Ren\u00e9"));
    }

    private static io.restassured.response.ValidatableResponse refused(String agency, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(containsString("com.fasterxml")));
    }
}
