package org.onemind.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A service's data as one value that changes when any row changes: for a test that must show a
 * request changed nothing. The bookkeeping of schedulers, migrations and rate limits is left out; the outbox
 * counts by rows (the relay marks rows sent in the background, a new event is a new row).
 */
public final class DatabaseFingerprint {
    private static final Set<String> IGNORED =
            Set.of("flyway_schema_history", "scheduled_job_run", "rate_limit_window");

    public static String of(String jdbcUrl) {
        try (Connection connection =
                        DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                while (rows.next()) {
                    if (!IGNORED.contains(rows.getString(1))) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            StringBuilder fingerprint = new StringBuilder();
            for (String table : tables) {
                String sql = table.startsWith("outbox")
                        ? "select count(*)::text from " + table
                        : "select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '')"
                                + " from " + table + " t";
                try (ResultSet row = statement.executeQuery(sql)) {
                    row.next();
                    fingerprint
                            .append(table)
                            .append('=')
                            .append(row.getString(1))
                            .append(' ');
                }
            }
            return fingerprint.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the data of " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private DatabaseFingerprint() {}
}
