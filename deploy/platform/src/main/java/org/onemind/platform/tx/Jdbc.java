package org.onemind.platform.tx;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Plain SQL on the current transaction's connection, for the statements every event runs (outbox,
 * inbox, projections): through the ORM's native queries each one cost several times as much, and
 * flushed the session first. Parameters are positional ({@code ?}) and bound with
 * {@code setObject} (UUID, LocalDate, OffsetDateTime, String, numbers, booleans, null).
 */
public final class Jdbc {

    private Jdbc() {}

    /** Reads one row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** @return the number of rows changed */
    public static int update(EntityManager em, String sql, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    public static <T> List<T> query(EntityManager em, String sql, RowReader<T> reader, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                    ResultSet row = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (row.next()) {
                    rows.add(reader.read(row));
                }
                return rows;
            }
        });
    }

    /** The first row, if any. */
    public static <T> Optional<T> first(EntityManager em, String sql, RowReader<T> reader, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                    ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.ofNullable(reader.read(row)) : Optional.empty();
            }
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
