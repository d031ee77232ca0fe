package org.onemind.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform's one OpenAPI document holds every service's operations, and a merge never hides a conflict. */
class PlatformDocumentTest {
    static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();

    @Test
    void theBuiltDocumentHoldsEveryOperationOfEveryService() throws Exception {
        JsonNode platform = PlatformDocument.JSON.readTree(
                Path.of("target/openapi/one-mind-platform.json").toFile());
        assertEquals("One Mind Platform", platform.path("info").path("title").asText());
        for (String service : PlatformDocument.SERVICES) {
            JsonNode document = PlatformDocument.JSON.readTree(REPOSITORY
                    .resolve(service)
                    .resolve("target/openapi/openapi.json")
                    .toFile());
            document.path("paths")
                    .fields()
                    .forEachRemaining(path -> path.getValue()
                            .fields()
                            .forEachRemaining(operation -> assertEquals(
                                    operation.getValue().path("operationId"),
                                    platform.path("paths")
                                            .path(path.getKey())
                                            .path(operation.getKey())
                                            .path("operationId"),
                                    service + " " + operation.getKey() + " " + path.getKey())));
        }
        assertTrue(platform.path("components").path("schemas").has("Problem"));
    }

    /** A generated client gets a typed result from every operation, and a problem for every error. */
    @Test
    void everyOperationNamesItsSuccessAndEveryErrorIsAProblem() throws Exception {
        JsonNode platform = PlatformDocument.JSON.readTree(
                Path.of("target/openapi/one-mind-platform.json").toFile());
        java.util.List<String> wrong = new java.util.ArrayList<>();
        platform.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    String where = operation.getKey() + " " + path.getKey();
                    JsonNode responses = operation.getValue().path("responses");
                    boolean success = false;
                    for (var it = responses.fields(); it.hasNext(); ) {
                        var answer = it.next();
                        if (answer.getKey().startsWith("2")) {
                            success = true;
                            answer.getValue().path("content").forEach(media -> {
                                JsonNode schema = media.path("schema");
                                if (schema.isMissingNode()
                                        || schema.isEmpty()
                                        || "object".equals(schema.path("type").asText())
                                                && !schema.has("properties")
                                                && !schema.has("additionalProperties")) {
                                    wrong.add(where + " " + answer.getKey() + ": a body without a schema");
                                }
                            });
                        } else if (!answer.getKey().equals("304") // Not Modified has no body (RFC 9110)
                                && !answer.getValue().path("content").has("application/problem+json")) {
                            wrong.add(where + " " + answer.getKey() + ": not a problem");
                        }
                    }
                    if (!success) {
                        wrong.add(where + ": no success answer");
                    }
                }));
        assertEquals(java.util.List.of(), wrong);
    }

    /** An example names a property of a schema (a misspelt key would otherwise only be logged). */
    @Test
    void everyExampleOfEveryServiceLandsOnItsProperty() throws Exception {
        java.util.List<String> lost = new java.util.ArrayList<>();
        for (String service : PlatformDocument.SERVICES) {
            Path examples =
                    REPOSITORY.resolve(service).resolve("src/main/resources/META-INF/openapi-examples.properties");
            java.util.Properties keys = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(examples)) {
                keys.load(in);
            }
            JsonNode schemas = PlatformDocument.JSON
                    .readTree(REPOSITORY
                            .resolve(service)
                            .resolve("target/openapi/openapi.json")
                            .toFile())
                    .path("components")
                    .path("schemas");
            for (String key : keys.stringPropertyNames()) {
                String[] parts = key.split("\\.", 2);
                if (!schemas.path(parts[0]).path("properties").path(parts[1]).has("example")) {
                    lost.add(service + ": " + key);
                }
            }
        }
        assertEquals(java.util.List.of(), lost);
    }

    /** What the ingress serves is what the services say: an API change is a reviewed change of this file. */
    @Test
    void theCommittedDocumentTheIngressServesIsTheBuiltOne() throws Exception {
        Path committed = Path.of("base/api-docs/one-mind-platform.json");
        assertEquals(
                PlatformDocument.JSON.readTree(
                        Path.of("target/openapi/one-mind-platform.json").toFile()),
                PlatformDocument.JSON.readTree(committed.toFile()),
                "the API changed: review it, then cp deploy/k8s/target/openapi/one-mind-platform.json " + "deploy/k8s/"
                        + committed);
    }

    @Test
    void aPathOrAnOperationIdOrASchemaTwoServicesDescribeDifferentlyIsAConflict() throws Exception {
        assertThrows(IllegalStateException.class, () -> merge("""
                {"paths": {"/api/v1/things": {"get": {"operationId": "listThings"}}}}""", """
                {"paths": {"/api/v1/things": {"post": {"operationId": "addThing"}}}}"""));
        assertThrows(IllegalStateException.class, () -> merge("""
                {"paths": {"/api/v1/things": {"get": {"operationId": "listThings"}}}}""", """
                {"paths": {"/api/v1/other": {"get": {"operationId": "listThings"}}}}"""));
        assertThrows(IllegalStateException.class, () -> merge("""
                {"components": {"schemas": {"Thing": {"type": "object"}}}}""", """
                {"components": {"schemas": {"Thing": {"type": "string"}}}}"""));
        JsonNode same = merge("""
                {"components": {"schemas": {"Thing": {"type": "object"}}}}""", """
                {"components": {"schemas": {"Thing": {"type": "object"}}}}""");
        assertEquals(
                "object",
                same.path("components")
                        .path("schemas")
                        .path("Thing")
                        .path("type")
                        .asText());
    }

    private static JsonNode merge(String first, String second) throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("one-service", PlatformDocument.JSON.readTree(first));
        documents.put("other-service", PlatformDocument.JSON.readTree(second));
        return PlatformDocument.merge(documents);
    }
}
