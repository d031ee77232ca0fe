package org.onemind.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The idempotency record of consumers: which event ids each one already applied. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /**
     * Claims events for this consumer in the caller's transaction, a batch at once (one statement,
     * plain JDBC: a consumer's poll brings up to a hundred). The caller applies only the ids returned,
     * those not applied before; an id given twice is claimed once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Set<String> firstDeliveries(String consumer, java.util.List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return new java.util.HashSet<>();
        }
        return new java.util.HashSet<>(org.onemind.platform.tx.Jdbc.query(
                em,
                "insert into processed_event (consumer, event_id)"
                        + " select ?, unnest(?::text[]) on conflict do nothing returning event_id",
                row -> row.getString(1),
                consumer,
                eventIds.toArray(String[]::new)));
    }
}
