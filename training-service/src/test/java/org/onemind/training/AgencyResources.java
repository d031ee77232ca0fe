package org.onemind.training;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;

/** A known agency with one of everything an operation can name: a person, a CIT certification, a recognition request. */
record AgencyResources(String agency, String person, String certification, String request) {

    static AgencyResources of(String agency, String admin) {
        String person = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"employeeNumber\": \"M-1\", \"firstName\": \"Rosa\", \"lastName\": \"Diaz\", \"sworn\": true}")
                .post("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String certification = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(TrainingApiTest.certification(person, TrainingApiTest.CIT_COURSE, LocalDate.of(2026, 1, 10)))
                .post("/api/v1/agencies/{id}/certifications", agency)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String request = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(
                        "{\"agencyId\": \"%s\", \"name\": \"Regional crisis course\", \"hours\": 8, \"topics\": [\"de-escalation\"], \"requestedCategory\": \"MHFA\"}"
                                .formatted(agency))
                .post("/api/v1/course-recognition-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new AgencyResources(agency, person, certification, request);
    }
}
