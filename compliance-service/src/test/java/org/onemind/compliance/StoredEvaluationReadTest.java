package org.onemind.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TestTokens;

/**
 * The latest evaluation is served as stored when this version wrote it, and in this version's
 * shape when an earlier version did (after an upgrade, before the agency is evaluated again).
 */
@QuarkusTest
class StoredEvaluationReadTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEvaluationStoredByAnEarlierVersionIsServedInTodaysShape() throws Exception {
        String agencyId = UUID.randomUUID().toString();
        ComplianceChainTest.pledgedAgencyWithOfficers(bootstrapServers, agencyId, 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> storedBody(agencyId) != null
                        && JSON.readTree(storedBody(agencyId))
                                        .path("practices")
                                        .path("mhfa")
                                        .path("sworn")
                                        .asInt()
                                == 2);

        String served = given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .get("/api/v1/agencies/{id}/compliance", agencyId)
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json;charset=UTF-8")
                .extract()
                .asString();
        assertEquals(JSON.readTree(storedBody(agencyId)), JSON.readTree(served));

        // As an earlier version would have left it: a field since removed, one not yet there, no format.
        ObjectNode earlier = (ObjectNode) JSON.readTree(storedBody(agencyId));
        earlier.remove("warnings");
        earlier.put("retiredField", 1);
        update(agencyId, earlier.toString());

        JsonNode upgraded = JSON.readTree(given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .get("/api/v1/agencies/{id}/compliance", agencyId)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertFalse(upgraded.has("retiredField"), upgraded.toString());
        assertTrue(upgraded.has("warnings"), upgraded.toString());
        assertEquals(2, upgraded.path("practices").path("mhfa").path("sworn").asInt());
    }

    String storedBody(String agencyId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select body from evaluation where agency_id = ?")) {
            statement.setObject(1, UUID.fromString(agencyId));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    void update(String agencyId, String body) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "update evaluation set body = ?, body_format = null where agency_id = ?")) {
            statement.setString(1, body);
            statement.setObject(2, UUID.fromString(agencyId));
            assertEquals(1, statement.executeUpdate());
        }
    }
}
