package org.onemind.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real outage of one service's database, as an ops team would cause it: the database refuses new
 * connections ({@code allow_connections false}) and every open connection to it is terminated.
 * {@link #close()} lets connections in again. Works on any server the tests reach as a superuser.
 */
public final class DatabaseOutage implements AutoCloseable {
    private final String adminUrl;
    private final String database;
    private boolean ended;

    private DatabaseOutage(String adminUrl, String database) {
        this.adminUrl = adminUrl;
        this.database = database;
    }

    /** Takes the database of {@code serviceJdbcUrl} away (the server stays up for the others). */
    public static DatabaseOutage begin(String serviceJdbcUrl) {
        int slash = serviceJdbcUrl.lastIndexOf('/');
        String tail = serviceJdbcUrl.substring(slash + 1);
        int query = tail.indexOf('?');
        String database = query < 0 ? tail : tail.substring(0, query);
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unexpected database name " + database);
        }
        DatabaseOutage outage = new DatabaseOutage(serviceJdbcUrl.substring(0, slash + 1) + "postgres", database);
        outage.execute("alter database " + database + " allow_connections false");
        outage.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                + "' and pid <> pg_backend_pid()");
        return outage;
    }

    private void execute(String sql) {
        try (Connection connection =
                        DriverManager.getConnection(adminUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "': " + e.getMessage(), e);
        }
    }

    /** Ends the outage: new connections are accepted again. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            execute("alter database " + database + " allow_connections true");
        }
    }
}
