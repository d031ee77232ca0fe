package org.onemind.platform.inbox;

import java.sql.SQLException;
import java.util.Set;
import org.onemind.platform.events.UnprocessableEventException;

/** Tells a failure that time will cure (retry, in order) from one it never will (dead-letter). */
public final class Failures {

    public enum Kind {
        /** The event can never be applied: not a CloudEvent, fails its schema, an unknown type version. */
        POISON,
        /** Database or lock trouble that passes: retry with backoff, never skip. */
        TRANSIENT,
        /** Anything else (a bug, most likely): retried a bounded number of times, then dead-lettered for replay after a fix. */
        UNEXPECTED
    }

    /** SQLSTATE classes and codes that describe the moment, not the event (PostgreSQL appendix A). */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of(
            "08", // connection exception
            "40", // transaction rollback: serialization failure, deadlock
            "53", // insufficient resources (too many connections, out of memory, disk full)
            "57"); // operator intervention: statement timeout, admin shutdown, cannot connect now

    private static final Set<String> TRANSIENT_SQL_STATES = Set.of(
            "55P03", // lock not available (lock_timeout)
            "55000", // object not in prerequisite state: "database is not currently accepting connections"
            "25P03", // idle in transaction session timeout
            "25P02"); // in failed transaction (after one of the above)

    private Failures() {}

    /** The innermost cause, or the refusal itself when an event was refused: what a person should read. */
    public static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof UnprocessableEventException)) {
            root = root.getCause();
        }
        return root;
    }

    public static Kind classify(Throwable failure) {
        Kind found = Kind.UNEXPECTED;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnprocessableEventException) {
                return Kind.POISON;
            }
            if (isTransient(t)) {
                found = Kind.TRANSIENT;
            }
        }
        return found;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null
                    && (TRANSIENT_SQL_STATES.contains(state)
                            || (state.length() >= 2 && TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2))))) {
                return true;
            }
            // The connection pool's own refusals carry no SQLSTATE.
            String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("acquisition timeout")
                    || message.contains("connection has been closed")
                    || message.contains("connection refused")) {
                return true;
            }
            return sql instanceof java.sql.SQLTransientException || sql instanceof java.sql.SQLRecoverableException;
        }
        return t instanceof java.net.ConnectException
                || t instanceof java.net.SocketException
                || t instanceof jakarta.persistence.OptimisticLockException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof jakarta.persistence.QueryTimeoutException
                || t instanceof org.hibernate.StaleStateException
                || t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof org.hibernate.exception.LockAcquisitionException
                || t instanceof org.hibernate.PessimisticLockException
                || t instanceof org.hibernate.QueryTimeoutException
                // The transaction timed out (the reaper rolled it back) or could not commit.
                || t instanceof jakarta.transaction.RollbackException
                || t instanceof jakarta.transaction.HeuristicMixedException
                || t instanceof jakarta.transaction.HeuristicRollbackException;
    }
}
