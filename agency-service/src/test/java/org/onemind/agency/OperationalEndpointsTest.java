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

    /**
     * What a client generator and a frontend developer rely on: every operation has a unique
     * operationId (a method name, not apiV1AgenciesIdPledgePut), a description, and documents the
     * errors it can answer as problem details, with 401 and 403 where a token is needed.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsNamedAndDocumentsItsErrors() {
        java.util.Map<String, java.util.Map<String, Object>> paths = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.List<String> methods = java.util.List.of("get", "put", "post", "delete", "patch");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!methods.contains(method)) {
                return;
            }
            java.util.Map<String, Object> operation = (java.util.Map<String, Object>) value;
            String where = method.toUpperCase() + " " + path;
            String id = (String) operation.get("operationId");
            org.junit.jupiter.api.Assertions.assertTrue(
                    id != null && id.matches("[a-z][A-Za-z0-9]+"), where + " has operationId " + id);
            org.junit.jupiter.api.Assertions.assertTrue(ids.add(id), "operationId " + id + " is used twice");
            org.junit.jupiter.api.Assertions.assertNotNull(operation.get("description"), where);
            java.util.Map<String, Object> responses = (java.util.Map<String, Object>) operation.get("responses");
            java.util.List<String> errors = new java.util.ArrayList<>(java.util.List.of("400", "429", "500"));
            java.util.List<?> security = (java.util.List<?>) operation.get("security");
            if (security != null && !security.isEmpty()) {
                errors.addAll(java.util.List.of("401", "403"));
            }
            for (String status : errors) {
                java.util.Map<String, Object> answer = (java.util.Map<String, Object>) responses.get(status);
                org.junit.jupiter.api.Assertions.assertNotNull(answer, where + " does not document " + status);
                org.junit.jupiter.api.Assertions.assertTrue(
                        ((java.util.Map<String, Object>) answer.get("content")).containsKey("application/problem+json"),
                        where + " " + status + " is not a problem");
            }
        }));
        org.junit.jupiter.api.Assertions.assertTrue(ids.contains("registerAgency"), ids.toString());
    }
}
