package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new installation pointed at the campaign's list shows it in the public directory. */
@QuarkusTest
@TestProfile(SeedAgenciesTest.WithSeedFile.class)
class SeedAgenciesTest {

    public static class WithSeedFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "onemind.agency.seed-file",
                    Path.of("../deploy/local/seed-agencies.csv")
                            .toAbsolutePath()
                            .normalize()
                            .toString());
        }
    }

    @Test
    void theCampaignsListedAgenciesAppearInTheDirectoryOnce() {
        // 23 rows, Inkster listed twice (pledged, then completed): 22 agencies, 11 pledged and 11 completed.
        given().get("/api/v1/directory/stats")
                .then()
                .statusCode(200)
                .body("pledged", equalTo(22))
                .body("completed", equalTo(11))
                .body("byState.find { it.state == 'MI' }.pledged", equalTo(5))
                .body("byState.find { it.state == 'MI' }.completed", equalTo(1));
        given().queryParam("kind", "COMPLETED")
                .queryParam("limit", 1)
                .get("/api/v1/directory/recent")
                .then()
                .body("name", equalTo(java.util.List.of("Inkster Police Department")));
        given().queryParam("kind", "PLEDGED")
                .queryParam("limit", 1)
                .get("/api/v1/directory/recent")
                .then()
                .body("name", hasItem("Grosse Pointe Department of Public Safety"));
    }
}
