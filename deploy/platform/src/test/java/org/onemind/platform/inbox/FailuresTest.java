package org.onemind.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.onemind.platform.events.UnprocessableEventException;

class FailuresTest {

    private static RuntimeException wrapped(Throwable cause) {
        // As consumers see them: the driver's exception deep inside Hibernate's and the transaction's.
        return new IllegalStateException(
                "transaction failed", new jakarta.persistence.PersistenceException("could not execute", cause));
    }

    @Test
    void databaseLockAndTransactionTroubleIsTransient() {
        for (String state :
                new String[] {"08006", "08001", "40001", "40P01", "55P03", "57014", "57P01", "57P03", "53300", "55000"
                }) {
            assertEquals(Failures.Kind.TRANSIENT, Failures.classify(wrapped(new SQLException("boom", state))), state);
        }
        assertEquals(
                Failures.Kind.TRANSIENT, Failures.classify(wrapped(new SQLException("Sorry, acquisition timeout!"))));
        assertEquals(
                Failures.Kind.TRANSIENT, Failures.classify(new jakarta.persistence.OptimisticLockException("stale")));
        assertEquals(
                Failures.Kind.TRANSIENT,
                Failures.classify(wrapped(new jakarta.transaction.RollbackException("timed out"))));
        assertEquals(
                Failures.Kind.TRANSIENT,
                Failures.classify(wrapped(new java.net.ConnectException("Connection refused"))));
    }

    @Test
    void anEventNoRetryCanApplyIsPoisonEvenWhenWrapped() {
        assertEquals(Failures.Kind.POISON, Failures.classify(wrapped(new UnprocessableEventException("lacks name"))));
    }

    @Test
    void anythingElseIsUnexpected() {
        assertEquals(Failures.Kind.UNEXPECTED, Failures.classify(new NullPointerException()));
        assertEquals(Failures.Kind.UNEXPECTED, Failures.classify(wrapped(new SQLException("syntax error", "42601"))));
        assertEquals(Failures.Kind.UNEXPECTED, Failures.classify(wrapped(new SQLException("duplicate key", "23505"))));
    }

    @Test
    void theBackoffDoublesUpToItsBound() {
        IncomingEvents incoming = new IncomingEvents();
        incoming.initialBackoff = java.time.Duration.ofMillis(200);
        incoming.maxBackoff = java.time.Duration.ofSeconds(10);
        assertEquals(200, incoming.backoff(1).toMillis());
        assertEquals(400, incoming.backoff(2).toMillis());
        assertEquals(6400, incoming.backoff(6).toMillis());
        assertEquals(10_000, incoming.backoff(7).toMillis());
        assertEquals(10_000, incoming.backoff(500).toMillis());
    }

    @Test
    void aTypesVersionIsTakenOffItsName() {
        assertEquals(
                "onemind.agency.agency-updated", IncomingEvents.withoutVersion("onemind.agency.agency-updated.v2"));
        assertEquals(null, IncomingEvents.withoutVersion("onemind.agency.agency-updated"));
        assertEquals(null, IncomingEvents.withoutVersion("onemind.agency.vintage"));
    }
}
