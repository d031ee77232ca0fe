package org.onemind.notification.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.onemind.platform.api.SqlValues;
import org.onemind.platform.events.CloudEvent;

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
    void park(UUID agencyId, CloudEvent event) {
        em.createNativeQuery("insert into compliance_event_awaiting_agency"
                        + " (event_id, agency_id, type, source, subject, time, traceparent, data)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (event_id) do nothing")
                .setParameter(1, event.id())
                .setParameter(2, agencyId)
                .setParameter(3, event.type())
                .setParameter(4, event.source())
                .setParameter(5, event.subject())
                .setParameter(6, event.time())
                .setParameter(7, event.traceparent())
                .setParameter(8, event.data().toString())
                .executeUpdate();
    }

    /** Hands over (and forgets) the agency's waiting events, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    void release(UUID agencyId, Consumer<CloudEvent> apply) {
        lock(agencyId);
        List<Object[]> rows = em.createNativeQuery(
                        "select seq, event_id, type, source, subject, time, traceparent, data"
                                + " from compliance_event_awaiting_agency where agency_id = ?1 order by seq")
                .setParameter(1, agencyId)
                .getResultList();
        if (rows.isEmpty()) {
            return;
        }
        em.createNativeQuery("delete from compliance_event_awaiting_agency where agency_id = ?1")
                .setParameter(1, agencyId)
                .executeUpdate();
        rows.stream().map(this::event).forEach(apply);
    }

    private static OffsetDateTime time(Object value) {
        Instant instant = SqlValues.instant(value);
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private CloudEvent event(Object[] row) {
        try {
            return new CloudEvent(
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    time(row[5]),
                    (String) row[6],
                    json.readTree((String) row[7]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parked event is not JSON any more: " + row[1], e);
        }
    }
}
