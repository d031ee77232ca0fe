package org.onemind.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract of every event type: a JSON Schema per type on the kit's classpath
 * ({@code events/<ce_type>.schema.json}). The outbox checks every write against it, in production
 * too, so a producer cannot publish what its consumers refuse; consumers check every event they
 * read against the same file before binding it to its record ({@link EventPayloads}).
 */
public final class EventContracts {
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Optional<Schema>> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {}

    /** Throws {@link EventContractViolation} when {@code body} is not a valid event of {@code type}. */
    public static void check(String type, JsonNode body) {
        Schema schema = SCHEMAS.computeIfAbsent(type, EventContracts::load)
                .orElseThrow(() -> new EventContractViolation(
                        type,
                        List.of("no JSON Schema events/" + type
                                + ".schema.json: an event type is published only with its contract")));
        List<Error> errors = schema.validate(body);
        if (!errors.isEmpty()) {
            throw new EventContractViolation(
                    type, errors.stream().map(Error::toString).toList());
        }
    }

    private static Optional<Schema> load(String type) {
        String resource = "events/" + type + ".schema.json";
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(REGISTRY.getSchema(in, InputFormat.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
