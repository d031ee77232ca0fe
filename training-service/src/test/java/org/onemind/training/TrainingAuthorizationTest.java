package org.onemind.training;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every training-service endpoint for each role; another agency's data answers 404. */
@QuarkusTest
class TrainingAuthorizationTest {
    static final String MANAGED = "6f1d2a4e-bbbb-4c4c-9c9c-000000000020";
    static final String OTHER = "6f1d2a4e-bbbb-4c4c-9c9c-000000000021";
    static final String PARTNERED = "6f1d2a4e-bbbb-4c4c-9c9c-000000000022";
    static final String PARTNER_ORG = "6f1d2a4e-bbbb-4c4c-9c9c-000000000023";
    static final String X = UUID.randomUUID().toString();

    record Call(String method, String path, String contentType, String body) {
    }

    static List<Call> agencyCalls(String agency) {
        String p = "/api/v1/agencies/" + agency;
        return List.of(
                new Call("POST", p + "/personnel", "application/json", "{\"employeeNumber\": \"Z-1\", \"firstName\": \"A\", \"lastName\": \"B\", \"sworn\": true}"),
                new Call("GET", p + "/personnel", null, null),
                new Call("GET", p + "/personnel/" + X, null, null),
                new Call("PATCH", p + "/personnel/" + X, "application/json", "{\"role\": \"x\"}"),
                new Call("POST", p + "/personnel/" + X + "/separation", "application/json", "{\"separatedOn\": \"2026-01-01\"}"),
                new Call("POST", p + "/personnel/import", "text/csv", "employeeNumber,firstName,lastName,sworn\nZ-2,A,B,true\n"),
                new Call("GET", p + "/certifications", null, null),
                new Call("POST", p + "/certifications/" + X + "/revocation", "application/json", "{\"reason\": \"x\"}"));
    }

    static List<Call> partnerCalls(String agency) {
        String p = "/api/v1/agencies/" + agency;
        return List.of(
                new Call("POST", p + "/certifications", "application/json", "{\"employeeNumber\": \"NOBODY\", \"courseId\": \""
                        + TrainingApiTest.CIT_COURSE + "\", \"completedOn\": \"2026-01-01\", \"deliveryMode\": \"IN_PERSON\"}"),
                new Call("POST", p + "/certifications/import?courseId=" + TrainingApiTest.CIT_COURSE + "&completedOn=2026-01-01",
                        "text/csv", "employeeNumber\nNOBODY\n"));
    }

    static final List<Call> ADMIN_ONLY = List.of(
            new Call("POST", "/api/v1/courses", "application/json", "{\"name\": \"X\", \"categories\": [], \"hours\": 1}"),
            new Call("PATCH", "/api/v1/courses/" + TrainingApiTest.CIT_COURSE, "application/json", "{\"hours\": 40}"),
            new Call("POST", "/api/v1/course-recognition-requests/" + X + "/decision", "application/json", "{\"decision\": \"REJECTED\", \"reason\": \"x\"}"));

    static void expect(int expected, List<Call> calls) {
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            var request = given();
            if (call.body() != null) {
                request = request.contentType(call.contentType()).body(call.body());
            }
            int actual = request.request(call.method(), call.path()).statusCode();
            if (actual != expected) {
                wrong.add(call.method() + " " + call.path() + " answered " + actual);
            }
        }
        assertEquals(List.of(), wrong, "expected " + expected);
    }

    void agencies() {
        Agencies.known(MANAGED);
        Agencies.known(OTHER);
        Agencies.known(PARTNERED);
        Agencies.partnership(PARTNERED, PARTNER_ORG);
    }

    @Test
    @TestSecurity(user = "manager", roles = "agency-manager")
    @OidcSecurity(claims = @Claim(key = "agency_id", value = MANAGED))
    void anAgencyManagerReachesOnlyTheirAgency() {
        agencies();
        expect(404, agencyCalls(OTHER));
        expect(404, partnerCalls(OTHER));
        expect(403, ADMIN_ONLY);
        given().get("/api/v1/agencies/{id}/personnel", MANAGED).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"agencyId\": \"%s\", \"name\": \"C\", \"hours\": 8, \"topics\": [\"t\"], \"requestedCategory\": \"MHFA\"}".formatted(OTHER))
                .post("/api/v1/course-recognition-requests").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_org_id", value = PARTNER_ORG))
    void aPartnerRecordsTrainingOnlyForItsPartneredAgencies() {
        agencies();
        // Allowed in: the answers are about the data (no such employee), not about access.
        given().contentType(ContentType.JSON).body(partnerCalls(PARTNERED).get(0).body())
                .post("/api/v1/agencies/{id}/certifications", PARTNERED).then().statusCode(400);
        given().contentType("text/csv").body("employeeNumber\nNOBODY\n").queryParam("courseId", TrainingApiTest.CIT_COURSE)
                .queryParam("completedOn", "2026-01-01").post("/api/v1/agencies/{id}/certifications/import", PARTNERED)
                .then().statusCode(400);
        expect(404, partnerCalls(OTHER));
        expect(403, agencyCalls(PARTNERED));
        expect(403, ADMIN_ONLY);
    }

    @Test
    void anonymousCallersGet401ExceptOnTheCatalog() {
        expect(401, agencyCalls(MANAGED));
        expect(401, partnerCalls(MANAGED));
        expect(401, ADMIN_ONLY);
        given().get("/api/v1/courses").then().statusCode(200);
    }
}
