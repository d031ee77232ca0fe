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
import org.onemind.platform.api.ListPage;

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

    /**
     * One page of rows and how many there are in all: {@code select <columns> <from> order by
     * <order>} and {@code select count(*) <from>}, with the same parameters.
     */
    public static <T> ListPage<T> page(
            EntityManager em,
            String columns,
            String from,
            String order,
            RowReader<T> reader,
            int page,
            int size,
            Object... parameters) {
        Object[] paged = java.util.Arrays.copyOf(parameters, parameters.length + 2);
        paged[parameters.length] = size;
        paged[parameters.length + 1] = (long) page * size;
        List<T> items =
                query(em, "select " + columns + " " + from + " order by " + order + " limit ? offset ?", reader, paged);
        long total = first(em, "select count(*) " + from, row -> row.getLong(1), parameters)
                .orElse(0L);
        return new ListPage<>(items, page, size, total);
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
