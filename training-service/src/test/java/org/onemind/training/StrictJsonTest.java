package org.onemind.training;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.onemind.training.personnel.Personnel;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
                {"employeeNumber": "%s", "employeeNumber": "X-2", "firstName": "Rosa", "lastName": "Diaz", "sworn": true}"""
                .formatted(employee)).body("violations[0].field", equalTo("employeeNumber"))
                .body("detail", containsString("more than once"));
        // Content after the document, or a second document.
        refused(agency, """
                {"employeeNumber": "%s", "firstName": "Rosa", "lastName": "Diaz", "sworn": true} {"sworn": false}"""
                .formatted(employee)).body("detail", containsString("more content after its JSON document"));
        refused(agency, """
                {"employeeNumber": "%s", "firstName": "Rosa", "lastName": "Diaz", "sworn": true} garbage""".formatted(employee));
        // A number where a date belongs is not read as days since 1970.
        refused(agency, """
                {"employeeNumber": "%s", "firstName": "Rosa", "lastName": "Diaz", "sworn": true, "hiredOn": 18000}"""
                .formatted(employee)).body("violations[0].field", equalTo("hiredOn"))
                .body("violations[0].message", equalTo("must be a date in the form YYYY-MM-DD"));
        assertEquals(0L, (long) Db.read(() -> Personnel.count("employeeNumber", employee)), "nothing was written");

        // An enum by its index is not taken as the first value.
        given().contentType(ContentType.JSON).body("""
                        {"personnelId": "%s", "courseId": "%s", "completedOn": "%s", "deliveryMode": 0}"""
                        .formatted(person, TrainingApiTest.CIT_COURSE, java.time.LocalDate.now().minusDays(1)))
                .post("/api/v1/agencies/{id}/certifications", agency).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("deliveryMode"))
                .body("violations[0].message", containsString("IN_PERSON"));
    }

    private static io.restassured.response.ValidatableResponse refused(String agency, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/agencies/{id}/personnel", agency).then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(containsString("com.fasterxml")));
    }
}
