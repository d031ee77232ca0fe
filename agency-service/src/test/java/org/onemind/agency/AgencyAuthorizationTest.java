package org.onemind.agency;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every agency-service endpoint for each role: an agency manager reaches only their own agency,
 * a partner reads only the agencies it has an active partnership with, and anonymous callers get
 * nothing but the public directory, organizations and the policy components.
 */
@QuarkusTest
class AgencyAuthorizationTest {
    static final String MANAGED = "6f1d2a4e-aaaa-4c4c-9c9c-000000000010";
    static final String OTHER = "6f1d2a4e-aaaa-4c4c-9c9c-000000000011";
    static final String PARTNERED = "6f1d2a4e-aaaa-4c4c-9c9c-000000000012";
    static final String PARTNER_ORG = "6f1d2a4e-aaaa-4c4c-9c9c-000000000013";
    static final String PID = UUID.randomUUID().toString();

    /** method, path template ({a} = agency), JSON body or null. */
    record Call(String method, String path, String body) {
        Call on(String agencyId) {
            return new Call(method, path.replace("{a}", agencyId), body);
        }
    }

    static final String PLEDGE = "{\"pledgedOn\": \"2026-01-05\", \"targetCompletionOn\": \"2027-06-05\", \"signedBy\": \"Chief\"}";
    static final String POLICY = "{\"title\": \"Crisis response\", \"adoptedOn\": \"2026-01-05\", \"components\": []}";

    static final List<Call> AGENCY_WRITES = List.of(
            new Call("PATCH", "/api/v1/agencies/{a}", "{\"city\": \"Elsewhere\"}"),
            new Call("PUT", "/api/v1/agencies/{a}/pledge", PLEDGE),
            new Call("POST", "/api/v1/agencies/{a}/pledge/withdrawal", "{\"reason\": \"test\"}"),
            new Call("POST", "/api/v1/agencies/{a}/partnerships", "{\"organizationId\": \"" + PARTNER_ORG + "\", \"mouSignedOn\": \"2025-01-01\"}"),
            new Call("POST", "/api/v1/agencies/{a}/partnerships/" + PID + "/end", "{\"endedOn\": \"2026-01-01\", \"reason\": \"x\"}"),
            new Call("PUT", "/api/v1/agencies/{a}/policy", POLICY),
            new Call("POST", "/api/v1/agencies/{a}/completion", "{\"signerName\": \"A\", \"signerRank\": \"Chief\"}"));
    static final List<Call> MANAGER_READS = List.of(
            new Call("GET", "/api/v1/agencies/{a}/history", null),
            new Call("GET", "/api/v1/agencies/{a}/completion", null),
            new Call("GET", "/api/v1/agencies/{a}/completion/letter", null));
    static final List<Call> PARTNER_READS = List.of(
            new Call("GET", "/api/v1/agencies/{a}", null),
            new Call("GET", "/api/v1/agencies/{a}/pledge", null),
            new Call("GET", "/api/v1/agencies/{a}/partnerships", null),
            new Call("GET", "/api/v1/agencies/{a}/policy", null));
    static final List<Call> ADMIN_ONLY = List.of(
            new Call("POST", "/api/v1/agencies", "{}"),
            new Call("GET", "/api/v1/agencies", null),
            new Call("POST", "/api/v1/organizations", "{\"name\": \"X\", \"kind\": \"MENTAL_HEALTH_PROVIDER\"}"),
            new Call("POST", "/api/v1/agencies/{a}/completion/review", "{\"decision\": \"VERIFIED\"}"));

    @BeforeEach
    void agencies() {
        Fixtures.agency(UUID.fromString(MANAGED), "Managed PD", "OH");
        Fixtures.agency(UUID.fromString(OTHER), "Other PD", "OH");
        Fixtures.agency(UUID.fromString(PARTNERED), "Partnered PD", "OH");
        Fixtures.pledge(UUID.fromString(PARTNERED), LocalDate.of(2026, 1, 10));
        Fixtures.provider(UUID.fromString(PARTNER_ORG), "Partner Behavioral Health");
        Fixtures.partnership(UUID.fromString(PARTNERED), UUID.fromString(PARTNER_ORG));
    }

    static int status(Call call) {
        var request = given().accept("application/json");
        if (call.body() != null) {
            request = request.contentType(ContentType.JSON).body(call.body());
        }
        if (call.path().endsWith("/letter")) {
            request = given().accept("text/markdown");
        }
        return request.request(call.method(), call.path()).statusCode();
    }

    static void expect(int expected, List<Call> calls, String agencyId) {
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            Call concrete = call.on(agencyId);
            int actual = status(concrete);
            if (actual != expected) {
                wrong.add(concrete.method() + " " + concrete.path() + " answered " + actual);
            }
        }
        assertEquals(List.of(), wrong, "expected " + expected);
    }

    @Test
    @TestSecurity(user = "manager", roles = "agency-manager")
    @OidcSecurity(claims = @Claim(key = "agency_id", value = MANAGED))
    void anAgencyManagerGets404ForAnotherAgencyAnd403ForAdminWork() {
        expect(404, AGENCY_WRITES, OTHER);
        expect(404, MANAGER_READS, OTHER);
        expect(404, PARTNER_READS, OTHER);
        expect(403, ADMIN_ONLY, MANAGED);
        given().get("/api/v1/agencies/{id}", MANAGED).then().statusCode(200);
        given().get("/api/v1/agencies/{id}/history", MANAGED).then().statusCode(200);
        given().contentType(ContentType.JSON).body(POLICY).put("/api/v1/agencies/{id}/policy", MANAGED).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_org_id", value = PARTNER_ORG))
    void aPartnerReadsOnlyItsPartneredAgenciesAndChangesNothing() {
        given().get("/api/v1/agencies/{id}", PARTNERED).then().statusCode(200);
        given().get("/api/v1/agencies/{id}/pledge", PARTNERED).then().statusCode(200);
        given().get("/api/v1/agencies/{id}/partnerships", PARTNERED).then().statusCode(200);
        given().get("/api/v1/agencies/{id}/policy", PARTNERED).then().statusCode(404); // none adopted yet
        expect(404, PARTNER_READS, OTHER);
        expect(403, AGENCY_WRITES, PARTNERED);
        expect(403, MANAGER_READS, PARTNERED);
        expect(403, ADMIN_ONLY, PARTNERED);
    }

    @Test
    void anonymousCallersGet401Everywhere() {
        expect(401, AGENCY_WRITES, MANAGED);
        expect(401, MANAGER_READS, MANAGED);
        expect(401, PARTNER_READS, MANAGED);
        expect(401, ADMIN_ONLY, MANAGED);
        given().get("/api/v1/organizations").then().statusCode(200);
        given().get("/api/v1/policy-components").then().statusCode(200);
        given().get("/api/v1/directory/stats").then().statusCode(200);
    }
}
