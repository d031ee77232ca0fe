package org.onemind.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.onemind.platform.contract.EventType;
import org.onemind.platform.events.EventContracts;
import org.onemind.platform.events.EventPayloads;
import org.onemind.platform.tracing.Traces;
import org.onemind.platform.tx.AfterCommit;
import org.onemind.platform.tx.Jdbc;

/**
 * Records an event in the caller's transaction. It leaves the service only if that transaction
 * commits; the relay is nudged right after commit so the event does not wait for the next poll.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    AfterCommit afterCommit;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /**
     * Records the event. The record key (the agency) is held until this transaction ends, before its
     * event gets its sequence number: another transaction writing an event of the same agency waits for
     * this one to commit, so within an agency the outbox order (which the relay publishes in) is the
     * order in which the transactions committed, not the order in which they started writing.
     *
     * @return the event's id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Record> UUID publish(EventType<T> type, String key, String subject, T data) {
        UUID id = UUID.randomUUID();
        String payload = toJson(type, data);
        // Plain JDBC on the transaction's connection: every event of every service comes through here, and a
        // native query through the ORM costs several times as much. The session is flushed first, as that query
        // did, so that a write the event announces fails here (a duplicate, say) and not at commit.
        em.unwrap(org.hibernate.Session.class).flush();
        holdKey(key);
        Jdbc.update(
                em,
                "insert into outbox_event (id, topic, record_key, type, subject, payload, traceparent)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                id,
                type.topic(),
                key,
                type.name(),
                subject,
                payload,
                Traces.currentTraceparent());
        nudgeRelayAfterCommit();
        return id;
    }

    /** Takes the key's lock for this transaction, once (see {@link #publish}). */
    private void holdKey(String key) {
        @SuppressWarnings("unchecked")
        java.util.Set<String> held = (java.util.Set<String>) transactions.getResource(KeyLocks.class);
        if (held == null) {
            held = new java.util.HashSet<>();
            transactions.putResource(KeyLocks.class, held);
        }
        if (held.add(key)) {
            Jdbc.first(em, "select pg_advisory_xact_lock(?, hashtext(?))", row -> true, KEY_LOCK_SPACE, key);
        }
    }

    /** The advisory lock space of outbox keys (the relay's own lock uses the one-key form). */
    public static final int KEY_LOCK_SPACE = 0x6f6d;

    private static final class KeyLocks {}

    private static String toJson(EventType<?> type, Record data) {
        JsonNode payload = EventPayloads.write(data);
        EventContracts.check(type.name(), payload);
        return payload.toString();
    }

    private void nudgeRelayAfterCommit() {
        afterCommit.once(Outbox.class, relay::nudge);
    }
}
