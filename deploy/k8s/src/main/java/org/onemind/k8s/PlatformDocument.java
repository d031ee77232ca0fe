package org.onemind.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OpenAPI document for the whole platform, as a frontend sees it behind the ingress: the four
 * services' documents merged. A path, an operationId or a schema of the same name that two services
 * describe differently is a conflict and fails the build, so the merge never hides a difference.
 */
public final class PlatformDocument {
    static final List<String> SERVICES =
            List.of("agency-service", "training-service", "compliance-service", "notification-service");
    static final ObjectMapper JSON = new ObjectMapper();

    private PlatformDocument() {}

    /** Writes {@code <output>}, merged from {@code <repository>/<service>/target/openapi/openapi.json}. */
    public static void main(String[] args) throws IOException {
        Path repository = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : SERVICES) {
            documents.put(
                    service,
                    JSON.readTree(repository
                            .resolve(service)
                            .resolve("target/openapi/openapi.json")
                            .toFile()));
        }
        Files.createDirectories(output.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(output.toFile(), merge(documents));
    }

    static ObjectNode merge(Map<String, JsonNode> documents) {
        ObjectNode merged = JSON.createObjectNode();
        JsonNode first = documents.values().iterator().next();
        merged.put("openapi", first.path("openapi").asText());
        ObjectNode info = (first.path("info").isObject()
                        ? (ObjectNode) first.get("info").deepCopy()
                        : JSON.createObjectNode())
                .put("title", "One Mind Platform")
                .put(
                        "description",
                        "The One Mind Campaign's API: agencies and pledges (agency-service), rosters and training"
                                + " (training-service), compliance (compliance-service) and emails (notification-service),"
                                + " behind one ingress.");
        merged.set("info", info);
        if (first.path("servers").isArray()) {
            merged.set("servers", first.get("servers").deepCopy());
        }
        com.fasterxml.jackson.databind.node.ArrayNode tags = merged.putArray("tags");
        Map<String, String> tagOwners = new LinkedHashMap<>();
        documents.forEach((service, document) -> document.path("tags").forEach(tag -> {
            String name = tag.path("name").asText();
            if (tagOwners.putIfAbsent(name, service) == null) {
                tags.add(tag.deepCopy());
            } else if (!java.util.stream.StreamSupport.stream(tags.spliterator(), false)
                    .filter(known -> known.path("name").asText().equals(name))
                    .allMatch(tag::equals)) {
                throw new IllegalStateException(
                        "the tag " + name + " of " + service + " differs from " + tagOwners.get(name) + "'s");
            }
        }));
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = merged.putObject("components").putObject("schemas");
        ObjectNode schemes = ((ObjectNode) merged.get("components")).putObject("securitySchemes");
        ObjectNode parameters = ((ObjectNode) merged.get("components")).putObject("parameters");
        ObjectNode headers = ((ObjectNode) merged.get("components")).putObject("headers");
        ObjectNode webhooks = merged.putObject("webhooks");
        Map<String, String> operationIds = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        documents.forEach((service, document) -> {
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            document.path("paths").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (paths.has(path.getKey())) {
                    throw new IllegalStateException(
                            path.getKey() + " is described by " + owners.get(path.getKey()) + " and " + service);
                }
                owners.put(path.getKey(), service);
                path.getValue().forEach(operation -> {
                    String id = operation.path("operationId").asText(null);
                    if (id != null && operationIds.putIfAbsent(id, service) != null) {
                        throw new IllegalStateException(
                                "operationId " + id + " is used by " + operationIds.get(id) + " and " + service);
                    }
                });
                paths.set(path.getKey(), path.getValue().deepCopy());
            }
            add(schemas, document.path("components").path("schemas"), service, "schema");
            add(schemes, document.path("components").path("securitySchemes"), service, "security scheme");
            add(parameters, document.path("components").path("parameters"), service, "parameter");
            add(headers, document.path("components").path("headers"), service, "header");
            add(webhooks, document.path("webhooks"), service, "webhook");
        });
        if (headers.isEmpty()) {
            ((ObjectNode) merged.get("components")).remove("headers");
        }
        if (parameters.isEmpty()) {
            ((ObjectNode) merged.get("components")).remove("parameters");
        }
        if (webhooks.isEmpty()) {
            merged.remove("webhooks");
        }
        return merged;
    }

    private static void add(ObjectNode into, JsonNode from, String service, String what) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode known = into.get(entry.getKey());
            if (known != null && !known.equals(entry.getValue())) {
                throw new IllegalStateException(
                        "the " + what + " " + entry.getKey() + " of " + service + " differs from another service's");
            }
            into.set(entry.getKey(), entry.getValue().deepCopy());
        }
    }
}
