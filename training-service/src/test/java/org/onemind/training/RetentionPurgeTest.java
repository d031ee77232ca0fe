package org.onemind.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onemind.platform.retention.RetentionPurge;

@QuarkusTest
class RetentionPurgeTest {

    @Inject
    RetentionPurge purge;

    @Inject
    EntityManager em;

    @Test
    void sentEventsAndProcessedRecordsOlderThanTheRetentionGoAndEverythingElseStays() {
        assertTrue(purge.retention().compareTo(Duration.ofDays(30)) >= 0, "never shorter than the topics' 30 days");
        long days = purge.retention().toDays();
        long sentDays = purge.sentOutboxRetention().toDays();
        String oldSent = UUID.randomUUID().toString();
        String recentSent = UUID.randomUUID().toString();
        String oldUnsent = UUID.randomUUID().toString();
        String oldProcessed = UUID.randomUUID().toString();
        String recentProcessed = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            // Sent events go a week after they were sent: consumers recognise repeats by their own records.
            outbox(
                    oldSent,
                    "now() - make_interval(days => " + (sentDays + 2) + ")",
                    "now() - make_interval(days => " + (sentDays + 1) + ")");
            outbox(
                    recentSent,
                    "now() - make_interval(days => " + (sentDays - 1) + ")",
                    "now() - make_interval(days => " + (sentDays - 1) + ")");
            // Never sent (the broker was away for weeks): kept whatever its age, it has not left yet.
            outbox(oldUnsent, "now() - make_interval(days => " + (days + 2) + ")", "null");
            processed(oldProcessed, days + 1);
            processed(recentProcessed, days - 1);
        });

        purge.purge();

        assertEquals(0, count("outbox_event", "id = cast(?1 as uuid)", oldSent));
        assertEquals(1, count("outbox_event", "id = cast(?1 as uuid)", recentSent));
        assertEquals(1, count("outbox_event", "id = cast(?1 as uuid)", oldUnsent));
        assertEquals(0, count("processed_event", "event_id = ?1", oldProcessed));
        assertEquals(1, count("processed_event", "event_id = ?1", recentProcessed));
    }

    private void outbox(String id, String createdAt, String sentAt) {
        em.createNativeQuery(
                        "insert into outbox_event (id, topic, record_key, type, subject, payload, created_at, sent_at)"
                                + " values (cast(?1 as uuid), 'training.events', ?1, 'onemind.training.test.v1', ?1, '{}', "
                                + createdAt + ", " + sentAt + ")")
                .setParameter(1, id)
                .executeUpdate();
    }

    private void processed(String eventId, long daysAgo) {
        em.createNativeQuery("insert into processed_event (consumer, event_id, processed_at)"
                        + " values ('training-service/agency-events', ?1, now() - make_interval(days => " + daysAgo
                        + "))")
                .setParameter(1, eventId)
                .executeUpdate();
    }

    private long count(String table, String where, String value) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from " + table + " where " + where)
                                .setParameter(1, value)
                                .getSingleResult())
                        .longValue());
    }
}
