package org.onemind.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract of every event this service publishes: a JSON Schema per type on the classpath
 * ({@code events/<ce_type>.schema.json}). The outbox checks every write against it, in production
 * too, so a producer cannot publish what its consumers refuse: the change fails instead.
 */
@ApplicationScoped
public class EventContracts {
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Inject
    ObjectMapper json;

    private final Map<String, Optional<Schema>> schemas = new ConcurrentHashMap<>();

    /** Throws {@link EventContractViolation} when {@code payload} is not a valid event of {@code type}. */
    public void check(String type, String payload) {
        Schema schema = schemas.computeIfAbsent(type, EventContracts::load)
                .orElseThrow(() -> new EventContractViolation(
                        type,
                        List.of("no JSON Schema events/" + type
                                + ".schema.json: an event type is published only with its contract")));
        JsonNode body;
        try {
            body = json.readTree(payload);
        } catch (IOException e) {
            throw new EventContractViolation(type, List.of("not JSON"));
        }
        List<Error> errors = schema.validate(body);
        if (!errors.isEmpty()) {
            throw new EventContractViolation(
                    type, errors.stream().map(Error::toString).toList());
        }
    }

    private static Optional<Schema> load(String type) {
        String resource = "events/" + type + ".schema.json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(REGISTRY.getSchema(in, InputFormat.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
