package org.onemind.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.onemind.platform.tx.AfterCommit;
import org.onemind.platform.tracing.TraceContext;

import java.util.UUID;

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
    OutboxRelay relay;

    /** @return the event's id ({@code ce_id}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, String subject, Object data) {
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
        em.createNativeQuery("insert into outbox_event (id, topic, record_key, type, subject, payload, traceparent)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, subject)
                .setParameter(6, payload)
                .setParameter(7, TraceContext.current())
                .executeUpdate();
        nudgeRelayAfterCommit();
        return id;
    }

    private void nudgeRelayAfterCommit() {
        afterCommit.once(Outbox.class, relay::nudge);
    }
}
