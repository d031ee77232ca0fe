package org.onemind.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event contract's JSON Schemas, one per event type ({@code deploy/platform/src/main/resources/events/<ce_type>.schema.json}).
 * Producers' tests check every event they write against its schema; consumers' tests check the
 * sample events they send (through {@link TopicProbe}) against the same file, so the two cannot drift.
 */
public final class EventSchemas {
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventSchemas() {}

    /** The schema file of an event type, if the type is one of the platform's ({@code onemind.*}). */
    public static Optional<Path> file(String type) {
        return type.startsWith("onemind.")
                ? Optional.of(InfrastructureTestResource.repositoryRoot()
                        .resolve("deploy/platform/src/main/resources/events")
                        .resolve(type + ".schema.json"))
                : Optional.empty();
    }

    /** What is wrong with {@code json} as an event of {@code type}: nothing when it matches its schema. */
    public static List<String> problems(String type, String json) {
        Optional<Path> file = file(type);
        if (file.isEmpty()) {
            return List.of();
        }
        if (!Files.exists(file.get())) {
            return List.of("no JSON Schema for " + type + " (expected " + file.get() + ")");
        }
        JsonNode body;
        try {
            body = JSON.readTree(json);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        Schema schema = SCHEMAS.computeIfAbsent(type, t -> load(file.get()));
        return schema.validate(body).stream().map(Error::toString).toList();
    }

    /** Throws when {@code json} does not match the schema of {@code type}. */
    public static void check(String type, String json) {
        List<String> problems = problems(type, json);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(type + " does not match its JSON Schema: " + problems + " in " + json);
        }
    }

    private static Schema load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
