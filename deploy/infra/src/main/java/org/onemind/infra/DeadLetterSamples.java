package org.onemind.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** A dead letter in a service's database, for tests that need one to read or replay (it stays poison). */
public final class DeadLetterSamples {
    private DeadLetterSamples() {
    }

    /** Records a record that is not JSON as set aside by {@code <service>/<channel>}. @return its id */
    public static String poison(String serviceJdbcUrl, String service, String channel, String topic) {
        UUID id = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(serviceJdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
             PreparedStatement insert = connection.prepareStatement("insert into dead_letter (id, consumer, channel, topic,"
                     + " record_partition, record_offset, record_key, headers, payload, event_id, event_type, reason, exception)"
                     + " values (?, ?, ?, ?, 0, ?, ?, ?, '{not json', ?, 'onemind.test.sample.v1', 'not JSON', 'sample')")) {
            String eventId = UUID.randomUUID().toString();
            insert.setObject(1, id);
            insert.setString(2, service + "/" + channel);
            insert.setString(3, channel);
            insert.setString(4, topic);
            insert.setLong(5, -1 - (id.getLeastSignificantBits() & 0xffffffffL)); // never a real offset
            insert.setString(6, id.toString());
            insert.setString(7, "{\"ce_id\":\"" + eventId + "\",\"ce_type\":\"onemind.test.sample.v1\"}");
            insert.setString(8, eventId);
            insert.executeUpdate();
            return id.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a sample dead letter: " + e.getMessage(), e);
        }
    }
}
