package org.onemind.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvents 1.0 event read from a Kafka record in binary content mode: the attributes are
 * {@code ce_*} headers, the record value is the JSON data.
 */
public record CloudEvent(
        String id, String type, String source, String subject, OffsetDateTime time, String traceparent, JsonNode data) {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";

    /** Reads an event, refusing (as a poison message) a record that is not a valid CloudEvent. */
    public static CloudEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
        String id = header(record, ID);
        String type = header(record, TYPE);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new UnprocessableEventException("not a CloudEvent: ce_id and ce_type headers are required");
        }
        if (record.value() == null) {
            throw new UnprocessableEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (Exception e) {
            throw new UnprocessableEventException("event " + id + " data is not JSON: " + e.getMessage());
        }
        if (data == null || !data.isObject()) {
            throw new UnprocessableEventException("event " + id + " data is not a JSON object");
        }
        OffsetDateTime time = null;
        String rawTime = header(record, TIME);
        if (rawTime != null) {
            try {
                time = OffsetDateTime.parse(rawTime);
            } catch (DateTimeParseException e) {
                throw new UnprocessableEventException("event " + id + " has an invalid ce_time: " + rawTime);
            }
        }
        return new CloudEvent(
                id, type, header(record, SOURCE), header(record, SUBJECT), time, header(record, TRACEPARENT), data);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A required field of the data, refusing the event when it is missing. */
    public String text(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            throw new UnprocessableEventException("event " + id + " (" + type + ") lacks " + field);
        }
        return node.asText();
    }

    /** A field the contract allows to be null (or absent): null then. */
    public String optionalText(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    public java.util.UUID uuid(String field) {
        try {
            return java.util.UUID.fromString(text(field));
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException("event " + id + " (" + type + "): " + field + " is not a UUID");
        }
    }

    public java.time.LocalDate date(String field) {
        try {
            return java.time.LocalDate.parse(text(field));
        } catch (DateTimeParseException e) {
            throw new UnprocessableEventException("event " + id + " (" + type + "): " + field + " is not a date");
        }
    }

    public java.time.LocalDate optionalDate(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : date(field);
    }

    /**
     * The objects of an array field (the rows of a chunked import event), each read with the same
     * accessors as the event's own data and refused the same way.
     */
    public java.util.List<CloudEvent> rows(String field) {
        JsonNode rows = data.get(field);
        if (rows == null || !rows.isArray()) {
            throw new UnprocessableEventException("event " + id + " (" + type + ") lacks " + field + "[]");
        }
        java.util.List<CloudEvent> all = new java.util.ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                throw new UnprocessableEventException(
                        "event " + id + " (" + type + ") has a row of " + field + " that is not an object");
            }
            all.add(new CloudEvent(id, type, source, subject, time, traceparent, row));
        }
        return all;
    }
}
