package org.onemind.platform.tx;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.hibernate.Session;

/**
 * Writes many rows in the caller's transaction with JDBC batches: imports write thousands of rows
 * (and their outbox events) per request, which row-by-row statements would make slow.
 */
public final class JdbcBatch {
    private static final int ROWS_PER_BATCH = 1000;

    private JdbcBatch() {}

    /** Sets one row's parameters. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    public static <T> void write(EntityManager em, String sql, Collection<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int inBatch = 0;
                for (T row : rows) {
                    binder.bind(statement, row);
                    statement.addBatch();
                    if (++inBatch == ROWS_PER_BATCH) {
                        statement.executeBatch();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    statement.executeBatch();
                }
            }
        });
    }
}
