package org.onemind.platform.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The records of the event contract and the JSON Schemas that go on the wire say the same thing:
 * every event type has a schema and every schema a type; each record component is a property of
 * its schema (and each property a component) of the same JSON type, nullable or optional only
 * where the Java type can be null, with the same values where it is an enum.
 */
class EventContractTest {
    static final List<Class<?>> TOPICS = List.of(AgencyTopic.class, TrainingTopic.class, ComplianceTopic.class);
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventTypeHasASchemaAndEverySchemaAType() throws IOException {
        TreeSet<String> types = types().stream().map(EventType::name).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> schemas;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/events"))) {
            schemas = files.map(file -> file.getFileName().toString())
                    .map(name -> name.substring(0, name.length() - ".schema.json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(schemas, types);
    }

    @Test
    void everyTypeIsInItsTopicsListAndOnItsTopic() {
        for (Class<?> topic : TOPICS) {
            List<EventType<?>> declared = constants(topic);
            assertEquals(Set.copyOf(declared), Set.copyOf(listed(topic)), topic.getSimpleName() + ".TYPES");
            declared.forEach(type -> assertEquals(constant(topic, "TOPIC"), type.topic(), type.name()));
        }
    }

    @Test
    void everyRecordMatchesItsSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        for (EventType<?> type : types()) {
            compare(type.payload(), schema(type.name()), type.name(), problems);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aRecordThatDiffersFromItsSchemaIsReported() throws IOException {
        record Drifted(UUID agencyId, int pledgedOn, String extra) {}
        List<String> problems = new ArrayList<>();
        compare(Drifted.class, schema(AgencyTopic.PLEDGE_TAKEN.name()), "drifted", problems);
        assertTrue(problems.stream().anyMatch(p -> p.contains("drifted.pledgedOn")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("extra")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("targetCompletionOn")), problems.toString());
    }

    private static void compare(Class<?> record, JsonNode schema, String path, List<String> problems) {
        if (!jsonTypes(schema).contains("object")) {
            problems.add(path + ": a record, the schema says " + jsonTypes(schema));
            return;
        }
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!properties.equals(components)) {
            problems.add(path + ": the schema has " + properties + ", the record " + components);
        }
        if (!schema.path("additionalProperties").isBoolean()
                || schema.path("additionalProperties").asBoolean()) {
            problems.add(path + ": the schema must refuse properties it does not name");
        }
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(component.getName());
            if (component.getType().isPrimitive() && !required.contains(component.getName())) {
                problems.add(path + "." + component.getName() + ": the schema lets it be absent, the record's "
                        + component.getType() + " cannot be");
            }
            if (!property.isMissingNode()) {
                compare(component.getGenericType(), property, path + "." + component.getName(), problems);
            }
        }
    }

    private static void compare(Type type, JsonNode schema, String path, List<String> problems) {
        Set<String> json = jsonTypes(schema);
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (json.contains("null") && raw.isPrimitive()) {
            problems.add(path + ": the schema allows null, the record's " + raw + " cannot hold it");
        }
        if (raw == String.class || raw == UUID.class || raw == LocalDate.class || raw == Instant.class) {
            expect(json, "string", path, problems);
        } else if (raw.isEnum()) {
            expect(json, "string", path, problems);
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(value -> values.add(value.asText()));
            List<String> constants = Arrays.stream(raw.getEnumConstants())
                    .map(value -> ((Enum<?>) value).name())
                    .toList();
            if (!values.equals(constants)) {
                problems.add(
                        path + ": the schema's enum is " + values + ", " + raw.getSimpleName() + "'s " + constants);
            }
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            expect(json, "integer", path, problems);
        } else if (raw == double.class || raw == Double.class) {
            expect(json, "number", path, problems);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(json, "boolean", path, problems);
        } else if (raw == List.class) {
            expect(json, "array", path, problems);
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            compare(item, schema.path("items"), path + "[]", problems);
        } else if (raw.isRecord()) {
            compare(raw, schema, path, problems);
        } else {
            problems.add(path + ": " + raw + " has no JSON Schema counterpart in this test");
        }
    }

    private static void expect(Set<String> json, String wanted, String path, List<String> problems) {
        Set<String> withoutNull = new TreeSet<>(json);
        withoutNull.remove("null");
        if (!withoutNull.equals(Set.of(wanted))) {
            problems.add(path + ": the record has a " + wanted + ", the schema says " + json);
        }
    }

    private static Set<String> jsonTypes(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static JsonNode schema(String type) throws IOException {
        try (InputStream in =
                EventContractTest.class.getClassLoader().getResourceAsStream("events/" + type + ".schema.json")) {
            return JSON.readTree(in);
        }
    }

    private static List<EventType<?>> types() {
        return TOPICS.stream().flatMap(topic -> constants(topic).stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<EventType<?>> listed(Class<?> topic) {
        return (List<EventType<?>>) constant(topic, "TYPES");
    }

    private static List<EventType<?>> constants(Class<?> topic) {
        return Arrays.stream(topic.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class)
                .<EventType<?>>map(field -> (EventType<?>) constant(topic, field.getName()))
                .toList();
    }

    private static Object constant(Class<?> topic, String name) {
        try {
            return topic.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
