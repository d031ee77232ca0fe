package org.onemind.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.onemind.platform.contract.EventType;

/**
 * Event data to and from its record. An event is read only after it matched its JSON Schema, so a
 * record never sees a missing required field or a value of the wrong shape: such an event is
 * refused as unprocessable (dead-lettered), never half applied.
 */
public final class EventPayloads {
    /** Its own mapper: the API's strict input rules (which collect problems for a 400) have no place here. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Events are checked against their schema first; a copy a consumer stored may be older or newer.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventPayloads() {}

    /**
     * The event's data as its type's record. Properties this consumer's record does not have (a
     * newer producer's optional additions) are left out before the check: a tolerant reader, so
     * that a producer may add an optional field before every consumer knows it.
     */
    public static <T extends Record> T read(CloudEvent event, EventType<T> type) {
        JsonNode known = knownTo(event.data(), type.payload());
        try {
            EventContracts.check(type.name(), known);
        } catch (EventContractViolation violation) {
            throw new UnprocessableEventException(
                    "event " + event.id() + " does not match its contract: " + violation.getMessage());
        }
        try {
            return JSON.treeToValue(known, type.payload());
        } catch (Exception e) {
            throw new UnprocessableEventException(
                    "event " + event.id() + " (" + type.name() + ") cannot be read: " + e.getMessage());
        }
    }

    /** A copy of {@code data} with only the properties {@code type} has, at every level. */
    static JsonNode knownTo(JsonNode data, java.lang.reflect.Type type) {
        Class<?> raw = type instanceof java.lang.reflect.ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw.isRecord() && data.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode kept = JSON.createObjectNode();
            for (java.lang.reflect.RecordComponent component : raw.getRecordComponents()) {
                JsonNode value = data.get(component.getName());
                if (value != null) {
                    kept.set(component.getName(), knownTo(value, component.getGenericType()));
                }
            }
            return kept;
        }
        if (raw == java.util.List.class && data.isArray()) {
            java.lang.reflect.Type item = ((java.lang.reflect.ParameterizedType) type).getActualTypeArguments()[0];
            com.fasterxml.jackson.databind.node.ArrayNode kept = JSON.createArrayNode();
            data.forEach(element -> kept.add(knownTo(element, item)));
            return kept;
        }
        return data;
    }

    /** A consumer's stored copy of an event's data (checked when it arrived), as its record. */
    public static <T extends Record> T readStored(String json, EventType<T> type) {
        try {
            return JSON.readValue(json, type.payload());
        } catch (Exception e) {
            throw new IllegalStateException("a stored " + type.name() + " cannot be read", e);
        }
    }

    /** The record as the event's data (checked against the schema by the outbox). */
    public static JsonNode write(Record data) {
        return JSON.valueToTree(data);
    }
}
