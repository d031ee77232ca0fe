package org.onemind.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL 16 server from the zonky binaries, with its data under the given directory. */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * Starts a server on {@code port} (0 = any free port). With {@code keepData} an existing data
     * directory is reused, so a restarted local stack keeps what it had.
     */
    public static PostgresServer start(Path dataDirectory, int port, boolean keepData) {
        try {
            if (!keepData) {
                KafkaBroker.deleteRecursively(dataDirectory);
            }
            Files.createDirectories(dataDirectory.getParent());
            int chosen = port > 0 ? port : FreePorts.any();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(
                            false) // we clear it ourselves before a clean start; the data outlives the run
                    .setPort(chosen)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", keepData ? "on" : "off")
                    .setRegisterShutdownHook(true)
                    .start();
            return new PostgresServer(postgres, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl("localhost", port, database);
    }

    public static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the database when it does not exist yet (one database per service). */
    public void createDatabaseIfMissing(String database) {
        createDatabaseIfMissing(jdbcUrl("postgres"), database);
    }

    public static void createDatabaseIfMissing(String adminJdbcUrl, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = java.sql.DriverManager.getConnection(adminJdbcUrl, USER, PASSWORD);
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
