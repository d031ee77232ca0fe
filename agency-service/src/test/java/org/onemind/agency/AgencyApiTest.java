package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onemind.agency.agency.Agency;
import org.onemind.agency.pledge.Pledge;

@QuarkusTest
class AgencyApiTest {
    static final String MANAGED_AGENCY = "6f1d2a4e-1111-4c4c-9c9c-000000000001";

    static String agencyJson(String name, String state) {
        return """
                {"name": "%s", "type": "MUNICIPAL_POLICE", "city": "Springfield", "state": "%s",
                 "declaredSworn": 42, "declaredNonSworn": 10,
                 "contacts": [{"name": "Chief Ada Wells", "email": "chief@springfield.example", "role": "Chief"}]}
                """.formatted(name, state);
    }

    static String register(String name) {
        return given().contentType(ContentType.JSON)
                .body(agencyJson(name, "IL"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void campaignAdminRegistersAnAgencyWithItsContacts() {
        given().contentType(ContentType.JSON)
                .body(agencyJson("Springfield Police Department", "il"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/agencies/"))
                .header("ETag", notNullValue())
                .body("name", equalTo("Springfield Police Department"))
                .body("state", equalTo("IL"))
                .body("country", equalTo("US"))
                .body("declaredSworn", equalTo(42))
                .body("contacts.email", hasItem("chief@springfield.example"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void badRegistrationsAreRefusedWithProblemsAndWriteNothing() {
        long before = countAgencies();
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"Broken")
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"));
        given().contentType(ContentType.JSON)
                .body(agencyJson("X", "IL").replace("MUNICIPAL_POLICE", "NAVY"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("type"))
                .body("violations[0].message", containsString("SHERIFF"));
        given().contentType(ContentType.JSON)
                .body(agencyJson("", "IL"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("name"));
        given().contentType(ContentType.JSON)
                .body(agencyJson("Nowhere PD", "ZZ"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("state"));
        given().contentType(ContentType.JSON)
                .body(agencyJson("No Mail PD", "IL").replace("chief@springfield.example", "not-an-email"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("contacts[0].email"));
        assertEquals(before, countAgencies(), "a refused registration writes nothing");
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void agenciesOutsideTheUsKeepTheirSubdivision() {
        given().contentType(ContentType.JSON)
                .body(agencyJson("Toronto Police Service", "Ontario")
                        .replace("\"declaredSworn\"", "\"country\": \"CA\", \"declaredSworn\""))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .body("state", equalTo("Ontario"))
                .body("country", equalTo("CA"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void pledgeWindowIsTwelveToThirtySixMonthsAndOnlyOneIsActive() {
        String id = register("Shelbyville Police Department");
        LocalDate pledged = LocalDate.of(2026, 3, 1);
        given().contentType(ContentType.JSON)
                .body(pledge(pledged, pledged.plusMonths(12).minusDays(1)))
                .when()
                .put("/api/v1/agencies/{id}/pledge", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("targetCompletionOn"))
                .body("detail", containsString("12 to 36 months"));
        given().contentType(ContentType.JSON)
                .body(pledge(pledged, pledged.plusMonths(36).plusDays(1)))
                .when()
                .put("/api/v1/agencies/{id}/pledge", id)
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(
                        "{\"pledgedOn\": \"03/01/2026\", \"targetCompletionOn\": \"2027-03-01\", \"signedBy\": \"Chief\"}")
                .when()
                .put("/api/v1/agencies/{id}/pledge", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("pledgedOn"));
        assertEquals(0, countPledges(id), "a refused pledge writes nothing");

        given().contentType(ContentType.JSON)
                .body(pledge(pledged, pledged.plusMonths(36)))
                .when()
                .put("/api/v1/agencies/{id}/pledge", id)
                .then()
                .statusCode(201)
                .body("status", equalTo("PLEDGED"))
                .body("targetCompletionOn", equalTo(pledged.plusMonths(36).toString()));
        given().contentType(ContentType.JSON)
                .body(pledge(pledged, pledged.plusMonths(12)))
                .when()
                .put("/api/v1/agencies/{id}/pledge", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("active-pledge-exists"));
        assertEquals(1, countPledges(id));
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void unknownAgencyIsNotFound() {
        given().when()
                .get("/api/v1/agencies/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "manager", roles = "agency-manager")
    @OidcSecurity(claims = @Claim(key = "agency_id", value = MANAGED_AGENCY))
    void agencyManagerSeesNoOtherAgencyAndCannotRegister() {
        given().contentType(ContentType.JSON)
                .body(agencyJson("Sneaky PD", "IL"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/api/v1/agencies/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anonymousCallersAreRefused() {
        given().when().get("/api/v1/agencies/{id}", UUID.randomUUID()).then().statusCode(401);
    }

    static String pledge(LocalDate on, LocalDate target) {
        return "{\"pledgedOn\": \"%s\", \"targetCompletionOn\": \"%s\", \"signedBy\": \"Chief Ada Wells\"}"
                .formatted(on, target);
    }

    @jakarta.transaction.Transactional
    long countAgencies() {
        return Agency.count();
    }

    long countPledges(String agencyId) {
        return Pledge.count("agencyId", UUID.fromString(agencyId));
    }
}
