package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What ops teams and frontend developers rely on, whatever the feature. */
@QuarkusTest
class OperationalEndpointsTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void readinessFollowsTheDatabaseAndReportsTheEventBacklog() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'event-outbox' }.data.pendingEvents", notNullValue())
                .body("checks.find { it.name == 'event-outbox' }.data.broker", notNullValue())
                .body("checks.find { it.name == 'event-consumers' }.data.pendingDeadLetters", notNullValue());
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        // The database goes away for real: the service is no longer ready, but stays alive (no restart loop).
        try (org.onemind.infra.DatabaseOutage outage = org.onemind.infra.DatabaseOutage.begin(jdbcUrl)) {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/q/health/ready")
                            .then()
                            .statusCode(503)
                            .body("status", equalTo("DOWN"))
                            .body(
                                    "checks.find { it.name == 'Database connections health check' }.status",
                                    equalTo("DOWN")));
            given().get("/q/health/live").then().statusCode(200);
        }
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() ->
                        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }

    @Test
    void theOpenApiDocumentSwaggerUiAndMetricsAreServed() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/agencies"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/agencies/{agencyId}/pledge"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "admin", roles = "campaign-admin")
    void anUnknownPathAnswersAProblem() {
        given().get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void withoutATokenOnlyPublicOperationsAnswerAndTheRestIs401WhateverThePath() {
        given().get("/api/v1/nothing-here")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().contentType("application/xml")
                .body("<agency/>")
                .post("/api/v1/agencies")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/v1/directory/stats").then().statusCode(200);
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "admin", roles = "campaign-admin")
    void aTraceparentIsContinuedAndEchoed() {
        given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .get("/api/v1/agencies/{id}", java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .header("traceparent", org.hamcrest.Matchers.startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
    }
}
