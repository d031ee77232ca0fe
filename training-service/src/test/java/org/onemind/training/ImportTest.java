package org.onemind.training;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;
import org.onemind.training.certification.Certification;
import org.onemind.training.personnel.Personnel;

/** Roster and class-roster CSV imports: all or nothing, every bad row reported, re-imports harmless. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "campaign-admin")
class ImportTest {
    static final String HEADER = "employeeNumber,firstName,lastName,sworn,role,selectedForTraining,hiredOn\n";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static io.restassured.response.ValidatableResponse importRoster(String agencyId, String csv) {
        return given().contentType("text/csv")
                .body(csv)
                .post("/api/v1/agencies/{id}/personnel/import", agencyId)
                .then();
    }

    static long personnel(String agencyId) {
        return Db.read(() -> Personnel.count("agencyId", UUID.fromString(agencyId)));
    }

    @Test
    void aLargeImportIsPublishedInEventsOfAThousandRows() {
        String agency = Agencies.known();
        StringBuilder roster = new StringBuilder(HEADER);
        StringBuilder attended = new StringBuilder("employeeNumber\n");
        for (int i = 0; i < 2500; i++) {
            roster.append("L-").append(i).append(",First,Last,true,Officer,,\n");
            attended.append("L-").append(i).append('\n');
        }
        try (TopicProbe probe = new TopicProbe(bootstrapServers, "training.events")) {
            importRoster(agency, roster.toString()).statusCode(200).body("added", equalTo(2500));
            given().contentType("text/csv")
                    .queryParam("courseId", TrainingApiTest.CIT_COURSE)
                    .queryParam("completedOn", LocalDate.now().minusDays(5).toString())
                    .body(attended.toString())
                    .post("/api/v1/agencies/{id}/certifications/import", agency)
                    .then()
                    .statusCode(200)
                    .body("recorded", equalTo(2500));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.rowIds(
                                            "onemind.training.certifications-recorded.v1",
                                            agency,
                                            "certifications",
                                            "certificationId")
                                    .size()
                            == 2500);
            for (String type :
                    List.of("onemind.training.personnel-imported.v1", "onemind.training.certifications-recorded.v1")) {
                assertEquals(
                        3,
                        probe.recordsOfType(type).stream()
                                .filter(r -> agency.equals(r.key()))
                                .count(),
                        type + ": 2,500 rows in events of at most 1,000");
            }
            assertEquals(
                    2500,
                    Set.copyOf(probe.rowIds(
                                    "onemind.training.personnel-imported.v1", agency, "personnel", "personnelId"))
                            .size());
        }
    }

    @Test
    void aRosterImportedRightAfterRegisteringIsRetriedNotRefused() {
        // agency-service has just registered it: its event has not reached training-service yet.
        String agency = org.onemind.platform.api.AgencyIds.newId().toString();
        String csv = HEADER + "R-1,Rosa,Diaz,true,Officer,,\n";
        importRoster(agency, csv)
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", containsString("agency-not-yet-known"))
                .body("detail", containsString("retry"));
        assertEquals(0, personnel(agency));
        // The client retries after Retry-After, once training-service has read the registration.
        Agencies.known(agency);
        importRoster(agency, csv).statusCode(200).body("added", equalTo(1));
        // An id that was never registered (and is not a recent one) is still a 404.
        importRoster(UUID.randomUUID().toString(), csv).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRosterImportsOnceAndAReimportChangesNothing() {
        String agency = Agencies.known();
        String csv = HEADER + "A-1,Rosa,Diaz,true,Officer,,2020-01-15\n"
                + "A-2,Jake,Peralta,true,Detective,,\n"
                + "D-1,Gina,Linetti,false,Dispatcher,true,2019-03-01\n";
        try (TopicProbe probe = new TopicProbe(bootstrapServers, "training.events")) {
            importRoster(agency, csv).statusCode(200).body("rows", equalTo(3)).body("added", equalTo(3));
            importRoster(agency, csv)
                    .statusCode(200)
                    .body("added", equalTo(0))
                    .body("updated", equalTo(0))
                    .body("unchanged", equalTo(3));
            importRoster(agency, csv.replace("Jake,Peralta,true,Detective", "Jake,Peralta,true,Sergeant"))
                    .statusCode(200)
                    .body("updated", equalTo(1))
                    .body("unchanged", equalTo(2));
            assertEquals(3, personnel(agency));
            // One chunked event per import that changed someone (none for the identical re-import), counted
            // over a quiet period so that a late third would be seen.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.records().stream()
                                    .filter(r -> agency.equals(r.key()))
                                    .count()
                            >= 2);
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> probe.records().stream()
                                    .filter(r -> agency.equals(r.key()))
                                    .count()
                            == 2);
            List<String> imported =
                    probe.rowIds("onemind.training.personnel-imported.v1", agency, "personnel", "personnelId");
            assertEquals(4, imported.size(), "three added, then one updated");
            assertEquals(3, Set.copyOf(imported).size());
        }
        given().queryParam("sworn", false)
                .get("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .body("items[0].selectedForTraining", equalTo(true));
    }

    @Test
    void oneBadRowRefusesTheFileAndEveryBadRowIsListed() {
        String agency = Agencies.known();
        String csv = HEADER + "B-1,Amy,Santiago,true,Officer,,\n"
                + "B-2,Charles,Boyle,maybe,Officer,,\n"
                + "B-3,=cmd|' /C calc'!A0,Holt,true,Captain,,\n"
                + "B-1,Terry,Jeffords,true,Sergeant,,\n"
                + "B-5,Hitchcock,Scully,true,Officer,,2099-01-01\n"
                + "B-6,\"Multi\nLine\",Name,true,Officer,,\n";
        importRoster(agency, csv)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("csv-rows-invalid"))
                .body("rowErrors", hasSize(5))
                .body("rowErrors.find { it.line == 3 }.field", equalTo("sworn"))
                .body("rowErrors.find { it.line == 4 }.field", equalTo("firstName"))
                .body("rowErrors.find { it.line == 5 }.message", equalTo("repeats line 2"))
                .body("rowErrors.find { it.line == 6 }.field", equalTo("hiredOn"))
                .body("rowErrors.field", hasItem("firstName"));
        assertEquals(0, personnel(agency), "nothing is written");
        assertEquals(
                0L,
                (long) Db.read(() -> ((Number) Personnel.getEntityManager()
                                .createNativeQuery(
                                        "select count(*) from outbox_event where record_key = ?1 and type like '%personnel%'")
                                .setParameter(1, agency)
                                .getSingleResult())
                        .longValue()),
                "and no event leaves");
    }

    @Test
    void malformedFilesAreRefusedClearly() {
        String agency = Agencies.known();
        importRoster(agency, "employeeNumber;firstName;lastName;sworn\nC-1;Rosa;Diaz;true\n")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("missingColumns", hasItem("firstName"));
        importRoster(agency, "C-1,Rosa,Diaz,true\n").statusCode(400).body("missingColumns", hasItem("employeeNumber"));
        importRoster(agency, "").statusCode(400).body("detail", containsString("empty"));
        importRoster(agency, HEADER + "C-1,\"Rosa,Diaz,true,,,\n")
                .statusCode(400)
                .body("type", containsString("csv-invalid"));
        byte[] fifty = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(fifty, (byte) 'x');
        given().contentType("text/csv")
                .body(fifty)
                .post("/api/v1/agencies/{id}/personnel/import", agency)
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/agencies/{id}/personnel/import", agency)
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", not(containsString("MessageBodyReader")));
        assertEquals(0, personnel(agency));
        importRoster(UUID.randomUUID().toString(), HEADER + "C-1,Rosa,Diaz,true,,,\n")
                .statusCode(404);
    }

    @Test
    void csvCellsFollowTheJsonApisFieldRulesAndTheFileIsCapped() {
        String agency = Agencies.known();
        // The JSON API refuses a role over 100 characters, a control character and a date out of range: so does CSV.
        importRoster(
                        agency,
                        HEADER + "C-1,Rosa,Diaz,true," + "r".repeat(101) + ",,\n"
                                + "C-2,Ro\u0007sa,Diaz,true,,,\n"
                                + "C-3,Rosa,Diaz,true,,,0000-12-31\n"
                                + "C-4,Rosa,Diaz,true,,,2020-01-01" + ",x".repeat(100_000) + "\n")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("rowErrors.find { it.line == 2 }.field", equalTo("role"))
                .body("rowErrors.find { it.line == 2 }.message", containsString("100"))
                .body("rowErrors.find { it.line == 3 }.message", equalTo("must not contain control characters"))
                .body("rowErrors.find { it.line == 4 }.message", equalTo(org.onemind.platform.input.Dates.RULE))
                .body("rowErrors.find { it.line == 5 }.message", containsString("the header has 7 columns"));
        importRoster(agency, "employeeNumber,firstName,lastName,sworn,rank\nC-1,Rosa,Diaz,true,Captain\n")
                .statusCode(400)
                .body("unknownColumns", hasItem("rank"));
        // One row over the cap is refused before anything is written, however small the rows.
        StringBuilder tooMany = new StringBuilder("employeeNumber,firstName,lastName,sworn\n");
        for (int i = 0; i <= 100_000; i++) {
            tooMany.append(Integer.toString(i, 36)).append(",a,b,true\n");
        }
        importRoster(agency, tooMany.toString())
                .statusCode(413)
                .contentType("application/problem+json")
                .body("maxRows", equalTo(100_000));
        assertEquals(0, personnel(agency));
    }

    @Test
    void aClassRosterRecordsEveryoneOrNobody() {
        String agency = Agencies.known();
        importRoster(agency, HEADER + "K-1,Rosa,Diaz,true,,,\nK-2,Jake,Peralta,true,,,\nK-3,Amy,Santiago,true,,,\n")
                .statusCode(200);
        String gone = given().contentType(ContentType.JSON)
                .body("{\"employeeNumber\": \"K-9\", \"firstName\": \"Old\", \"lastName\": \"Timer\", \"sworn\": true}")
                .post("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"separatedOn\": \"2026-01-31\"}")
                .post("/api/v1/agencies/{id}/personnel/{pid}/separation", agency, gone)
                .then()
                .statusCode(200);

        given().contentType("text/csv")
                .queryParam("courseId", TrainingApiTest.CIT_COURSE)
                .queryParam("completedOn", "2026-02-15")
                .body("employeeNumber,certificateNumber\nK-1,C-100\nK-404,C-101\nK-9,C-102\nK-2,C-103\nK-2,C-104\n")
                .post("/api/v1/agencies/{id}/certifications/import", agency)
                .then()
                .statusCode(400)
                .body("rowErrors", hasSize(3))
                .body("rowErrors.find { it.line == 3 }.message", containsString("K-404"))
                .body("rowErrors.find { it.line == 4 }.message", containsString("separated on 2026-01-31"))
                .body("rowErrors.find { it.line == 6 }.message", equalTo("repeats line 5"));
        assertEquals(0L, (long) Db.read(() -> Certification.count("agencyId", UUID.fromString(agency))));

        given().contentType("text/csv")
                .queryParam("courseId", UUID.randomUUID())
                .queryParam("completedOn", "2026-02-15")
                .body("employeeNumber\nK-1\n")
                .post("/api/v1/agencies/{id}/certifications/import", agency)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("courseId"));
        given().contentType("text/csv")
                .queryParam("courseId", TrainingApiTest.CIT_COURSE)
                .queryParam("completedOn", LocalDate.now().plusDays(2).toString())
                .body("employeeNumber\nK-1\n")
                .post("/api/v1/agencies/{id}/certifications/import", agency)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("completedOn"));

        LocalDate mhfaOn = LocalDate.now().minusDays(30);
        try (TopicProbe probe = new TopicProbe(bootstrapServers, "training.events")) {
            given().contentType("text/csv")
                    .queryParam("courseId", TrainingApiTest.MHFA_COURSE)
                    .queryParam("completedOn", mhfaOn.toString())
                    .queryParam("deliveryMode", "VIRTUAL_LIVE")
                    .body("employeeNumber,certificateNumber,hours\nK-1,M-1,8\nK-2,M-2,\nK-3,M-3,8\n")
                    .post("/api/v1/agencies/{id}/certifications/import", agency)
                    .then()
                    .statusCode(200)
                    .body("recorded", equalTo(3));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.rowIds(
                                            "onemind.training.certifications-recorded.v1",
                                            agency,
                                            "certifications",
                                            "certificationId")
                                    .size()
                            == 3);
        }
        given().queryParam("missing", "MHFA")
                .get("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .body("items.employeeNumber", equalTo(java.util.List.of("K-9")));
        given().queryParam("trained", "MHFA")
                .queryParam("sworn", true)
                .get("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .body("total", equalTo(3));
        given().queryParam("trained", "CIT")
                .get("/api/v1/agencies/{id}/personnel", agency)
                .then()
                .body("total", equalTo(0));
        // MHFA is valid three years: the certificates stay current whatever day the tests run.
        given().queryParam("category", "MHFA")
                .queryParam("expiringBefore", mhfaOn.plusYears(3).plusDays(14).toString())
                .get("/api/v1/agencies/{id}/certifications", agency)
                .then()
                .body("total", equalTo(3))
                .body("items[0].deliveryMode", equalTo("VIRTUAL_LIVE"))
                .body("items[0].expiresOn", equalTo(mhfaOn.plusYears(3).toString()));
        given().queryParam("category", "CIT")
                .get("/api/v1/agencies/{id}/certifications", agency)
                .then()
                .body("total", equalTo(0));
    }
}
