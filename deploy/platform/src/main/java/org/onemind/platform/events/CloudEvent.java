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
 * {@code ce_*} headers, the record value is the JSON data. Consumers never read the data
 * themselves: {@link EventPayloads} checks it against its schema and binds it to its record.
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
}
