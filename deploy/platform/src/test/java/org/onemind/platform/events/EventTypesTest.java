package org.onemind.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kit's event type constants and the producers' JSON Schemas name the same events: a type
 * without a schema cannot be checked when published, and a schema without a constant is an event
 * no code can name.
 */
class EventTypesTest {
    static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();

    static final Map<Class<?>, String> PRODUCERS = Map.of(
            AgencyTopic.class, "agency-service",
            TrainingTopic.class, "training-service",
            ComplianceTopic.class, "compliance-service");

    @Test
    void everyEventTypeConstantHasItsProducersSchemaAndEverySchemaAConstant() throws IOException {
        for (Map.Entry<Class<?>, String> producer : PRODUCERS.entrySet()) {
            TreeSet<String> constants = Arrays.stream(producer.getKey().getDeclaredFields())
                    .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                    .map(EventTypesTest::value)
                    .filter(value -> value.startsWith("onemind."))
                    .collect(Collectors.toCollection(TreeSet::new));
            TreeSet<String> schemas;
            try (Stream<Path> files =
                    Files.list(REPOSITORY.resolve(producer.getValue()).resolve("src/main/resources/events"))) {
                schemas = files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".schema.json"))
                        .map(name -> name.substring(0, name.length() - ".schema.json".length()))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            assertEquals(
                    schemas,
                    constants,
                    producer.getKey().getSimpleName() + " and " + producer.getValue()
                            + "'s schemas name different events");
        }
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
