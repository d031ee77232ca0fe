package org.onemind.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.onemind.platform.tracing.TraceContext;
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
    ObjectMapper json;

    @Inject
    AfterCommit afterCommit;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    org.onemind.platform.events.EventContracts contracts;

    /**
     * Records the event. The record key (the agency) is held until this transaction ends, before its
     * event gets its sequence number: another transaction writing an event of the same agency waits for
     * this one to commit, so within an agency the outbox order (which the relay publishes in) is the
     * order in which the transactions committed, not the order in which they started writing.
     *
     * @return the event's id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, String subject, Object data) {
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
                topic,
                key,
                type,
                subject,
                payload,
                TraceContext.current());
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

    private String toJson(String type, Object data) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
        contracts.check(type, payload);
        return payload;
    }

    private void nudgeRelayAfterCommit() {
        afterCommit.once(Outbox.class, relay::nudge);
    }
}
