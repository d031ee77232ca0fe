package org.onemind.notification.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.events.EventPayloads;
import org.onemind.platform.inbox.Received;
import org.onemind.platform.tracing.Traces;
import org.onemind.platform.tx.Jdbc;

/**
 * Compliance events about an agency whose agency-registered event has not arrived yet (the two
 * topics are not ordered with each other). They wait, in arrival order, instead of being dropped
 * for want of recipients.
 */
@ApplicationScoped
class EventsAwaitingAgency {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * Serialises "is the agency known? then wait" against "the agency is now known, release":
     * without it an event parked while agency-registered commits would wait forever.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void lock(UUID agencyId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 17))")
                .setParameter(1, agencyId.toString())
                .getSingleResult();
    }

    /** Keeps the event until the agency is known; the caller holds {@link #lock}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void park(UUID agencyId, Received<?> event) {
        em.createNativeQuery("insert into compliance_event_awaiting_agency"
                        + " (event_id, agency_id, type, source, subject, time, traceparent, data)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (event_id) do nothing")
                .setParameter(1, event.id())
                .setParameter(2, agencyId)
                .setParameter(3, event.type().name())
                .setParameter(4, null)
                .setParameter(5, agencyId.toString())
                .setParameter(6, event.time().atOffset(ZoneOffset.UTC))
                .setParameter(7, Traces.currentTraceparent())
                .setParameter(8, EventPayloads.write(event.data()).toString())
                .executeUpdate();
    }

    /** Hands over (and forgets) the agency's waiting events, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    void release(UUID agencyId, Consumer<CloudEvent> apply) {
        lock(agencyId);
        List<CloudEvent> waiting = Jdbc.query(
                em,
                "select event_id, type, source, subject, time, traceparent, data"
                        + " from compliance_event_awaiting_agency where agency_id = ? order by seq",
                row -> new CloudEvent(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getObject(5, OffsetDateTime.class),
                        row.getString(6),
                        tree(row.getString(1), row.getString(7))),
                agencyId);
        if (waiting.isEmpty()) {
            return;
        }
        Jdbc.update(em, "delete from compliance_event_awaiting_agency where agency_id = ?", agencyId);
        waiting.forEach(apply);
    }

    private JsonNode tree(String eventId, String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parked event is not JSON any more: " + eventId, e);
        }
    }
}
