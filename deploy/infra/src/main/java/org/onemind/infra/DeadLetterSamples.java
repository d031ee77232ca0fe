package org.onemind.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** Dead letters written straight into a service's database, for tests that read or replay one. */
public final class DeadLetterSamples {
    private DeadLetterSamples() {}

    /** A record that is not JSON, as set aside by {@code <service>/<channel>} (it stays poison). @return its id */
    public static String poison(String serviceJdbcUrl, String service, String channel, String topic) {
        String eventId = UUID.randomUUID().toString();
        return setAside(
                        serviceJdbcUrl,
                        service,
                        channel,
                        topic,
                        null,
                        Map.of("ce_id", eventId, "ce_type", "onemind.test.sample.v1"),
                        "{not json")
                .toString();
    }

    /**
     * A record with these CloudEvent headers and body, as set aside by an earlier version of
     * {@code <service>/<channel>} (for a bug since fixed). @return its id
     */
    public static UUID setAside(
            String serviceJdbcUrl,
            String service,
            String channel,
            String topic,
            String key,
            Map<String, String> headers,
            String payload) {
        UUID id = UUID.randomUUID();
        try (Connection connection =
                        DriverManager.getConnection(serviceJdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement insert = connection.prepareStatement(
                        "insert into dead_letter (id, consumer, channel, topic,"
                                + " record_partition, record_offset, record_key, headers, payload, event_id, event_type, reason, exception)"
                                + " values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 'a sample set aside by a test', 'sample')")) {
            insert.setObject(1, id);
            insert.setString(2, service + "/" + channel);
            insert.setString(3, channel);
            insert.setString(4, topic);
            insert.setLong(5, -1 - (id.getLeastSignificantBits() & 0xffffffffL)); // never a real offset
            insert.setString(6, key == null ? id.toString() : key);
            insert.setString(7, new ObjectMapper().writeValueAsString(headers));
            insert.setString(8, payload);
            insert.setString(9, headers.get("ce_id"));
            insert.setString(10, headers.get("ce_type"));
            insert.executeUpdate();
            return id;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not record a sample dead letter: " + e.getMessage(), e);
        }
    }
}
