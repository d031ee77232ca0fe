package org.onemind.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.PostgresServer;
import org.onemind.infra.TestTokens;

/**
 * Above a limit a caller gets 429 with Retry-After and the RateLimit headers, and the count lives
 * in the database: what another replica counted counts here too. (The test-catalog policy of the
 * test profile: 5 requests an hour per IP to the catalog, for requests accepting a test media type.)
 */
@QuarkusTest
class RateLimitTest {
    static final String TEST_POLICY = "application/x-rate-limit-test, application/json";

    @jakarta.inject.Inject
    org.onemind.platform.ratelimit.SharedWindowCounts counts;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aCallerOverTheLimitGets429WithRetryAfterAndTheCountIsSharedByReplicas() throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from rate_limit_window where limit_key like 'test-catalog:%'");
        }
        for (int i = 1; i <= 3; i++) {
            given().header("Accept", TEST_POLICY)
                    .get("/api/v1/courses")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Policy", containsString("\"test-catalog\";q=5;w=3600"))
                    .header("RateLimit", containsString("\"test-catalog\";r=" + (5 - i) + ";"));
        }
        // This replica shares its count: the window's row holds the three.
        counts.sync();
        try (Connection connection =
                        DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery(
                        "select sum(count) from rate_limit_window where limit_key like 'test-catalog:%'")) {
            row.next();
            assertEquals(3, row.getLong(1));
            // Another replica answered two more from this address: they are counted in the same row...
            statement.executeUpdate(
                    "update rate_limit_window set count = count + 2 where limit_key like 'test-catalog:%'");
        }
        // ...and this replica learns of them at its next sync: the next request is the sixth, over the limit of 5.
        counts.sync();
        given().header("Accept", TEST_POLICY)
                .get("/api/v1/courses")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+"))
                .header("RateLimit", containsString("\"test-catalog\";r=0;"))
                .body("detail", containsString("test-catalog"));
        // Other callers' requests and this caller's other operations are not refused.
        given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .get("/api/v1/course-recognition-requests")
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", containsString("\"api\""));
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/courses'.get.responses.'429'.headers.'Retry-After'", notNullValue())
                .body("paths.'/api/v1/courses'.get.responses.'429'.description", containsString("rate limit"))
                .body("paths.'/api/v1/courses'.get.responses.'200'", notNullValue());
    }
}
