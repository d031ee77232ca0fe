package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The public directory answers anyone, with public fields only. */
@QuarkusTest
class DirectoryTest {

    @Test
    void anyoneListsPledgedAgenciesByStateAsJsonAndCsv() throws Exception {
        UUID vt = Fixtures.agency(UUID.randomUUID(), "Montpelier Police Department", "VT");
        Fixtures.pledge(vt, LocalDate.of(2026, 4, 1));
        UUID formula = Fixtures.agency(UUID.randomUUID(), "=HYPERLINK(\"http://evil\")", "VT");
        Fixtures.pledge(formula, LocalDate.of(2026, 4, 2));
        Fixtures.agency(UUID.randomUUID(), "Burlington Police Department", "VT"); // registered, never pledged

        given().queryParam("state", "VT")
                .get("/api/v1/directory/agencies")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.name", hasItem("Montpelier Police Department"))
                .body("items.name", not(hasItem("Burlington Police Department")))
                .body("items.status", everyItem(equalTo("PLEDGED")))
                .body("items[0].pledgedOn", notNullValue())
                .body("items[0].id", nullValue())
                .body("items[0].contacts", nullValue());

        String csv = given().accept("text/csv")
                .queryParam("state", "VT")
                .get("/api/v1/directory/agencies")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertEquals(2, rows.size());
        assertTrue(rows.stream()
                .anyMatch(r -> r.get("name").equals("Montpelier Police Department")
                        && r.get("pledgedOn").equals("2026-04-01")));
        assertTrue(
                rows.stream().anyMatch(r -> r.get("name").startsWith("'=HYPERLINK")),
                "a formula is neutralised in CSV");
    }

    @Test
    void recentAndStatsAreServedWithoutAToken() {
        UUID nh = Fixtures.agency(UUID.randomUUID(), "Concord Police Department", "NH");
        Fixtures.pledge(nh, LocalDate.now());
        given().queryParam("kind", "PLEDGED")
                .queryParam("limit", 5)
                .get("/api/v1/directory/recent")
                .then()
                .statusCode(200)
                .body("name", hasItem("Concord Police Department"));
        given().get("/api/v1/directory/stats")
                .then()
                .statusCode(200)
                .body("byState.find { it.state == 'NH' }.pledged", equalTo(1))
                .body("pledged", notNullValue());
        given().queryParam("kind", "SOMETIME")
                .get("/api/v1/directory/recent")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"));
        given().queryParam("limit", 1000)
                .get("/api/v1/directory/recent")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("limit"));
    }

    @Test
    void aPageBeyondTheLastOneAnyListAnswersIsAProblemNotAFailure() {
        for (String path : java.util.List.of("/api/v1/directory/agencies", "/api/v1/organizations")) {
            given().queryParam("page", 1_000_000_000)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("page"));
        }
        given().queryParam("page", 100_000)
                .get("/api/v1/directory/agencies")
                .then()
                .statusCode(200);
    }

    @Test
    void privateEndpointsStillNeedAToken() {
        RestAssured.given().get("/api/v1/agencies").then().statusCode(401);
    }
}
