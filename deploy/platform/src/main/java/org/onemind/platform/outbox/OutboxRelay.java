package org.onemind.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.onemind.platform.tx.Jdbc;
import org.onemind.platform.tx.NudgedWork;

/**
 * Publishes outbox rows in order and marks them sent. One replica publishes at a time (a
 * transaction-scoped advisory lock): were two to publish different batches at once, a later event
 * of an agency could reach Kafka before an earlier one. If the publishing replica dies, its lock
 * goes with its transaction and another takes over on its next nudge or poll. Rows are also locked
 * ({@code SKIP LOCKED}); if publishing fails the transaction rolls back and the rows wait for the
 * next attempt. A crash after publishing and before marking
 * repeats events, which consumers are built to ignore.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock key of the relay (each service has its own database). */
    public static final long RELAY_LOCK = 0x6f6e656d696e64L;

    @Inject
    EntityManager em;

    @Inject
    KafkaEventPublisher publisher;

    @ConfigProperty(name = "onemind.outbox.batch-size", defaultValue = "2000")
    int batchSize;

    /** One drain at a time per replica; nudges while one waits collapse into it. */
    private NudgedWork drains;

    @jakarta.annotation.PostConstruct
    void start() {
        drains = new NudgedWork("outbox-relay", 1, this::drain);
    }

    private volatile Instant lastFailureAt;
    private volatile Instant publishingSince;
    private volatile String lastFailure;
    private volatile boolean lastFailureWasBroker;
    private volatile boolean brokerRefused;

    /** Asks for a drain soon; many nudges while one is queued collapse into that one. */
    public void nudge() {
        drains.nudge();
    }

    /** Catches what a nudge missed: a failed publish, a restart, another replica's rows. */
    @Scheduled(every = "${onemind.outbox.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    /** Publishes until nothing is left or a publish fails. @return the number of events published */
    public int drain() {
        int total = 0;
        brokerRefused = false;
        try {
            int published;
            do {
                // The batch's rows stay locked while the broker is waited for (up to the delivery timeout).
                published = QuarkusTransaction.requiringNew()
                        .timeout((int) publisher.sendTimeout().plusSeconds(30).toSeconds())
                        .call(this::publishOneBatch);
                total += published;
            } while (published == batchSize);
            lastFailure = null;
            lastFailureWasBroker = false;
        } catch (RuntimeException e) {
            lastFailureWasBroker = brokerRefused; // else the database failed, not the broker
            lastFailureAt = Instant.now();
            lastFailure = e.getMessage();
            LOG.warnf("outbox relay could not publish (events stay in the outbox): %s", e.getMessage());
        }
        return total;
    }

    /** In the caller's transaction, with plain JDBC (the relay runs once per event at idle). */
    private int publishOneBatch() {
        boolean thisReplicaPublishes = Jdbc.first(
                        em, "select pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), RELAY_LOCK)
                .orElse(false);
        if (!thisReplicaPublishes) {
            return 0;
        }
        List<Long> seqs = new ArrayList<>();
        List<OutboxEvent> events = Jdbc.query(
                em,
                "select seq, id, topic, record_key, type, subject, payload, traceparent,"
                        + " created_at from outbox_event where sent_at is null order by seq limit ? for update skip locked",
                row -> {
                    seqs.add(row.getLong(1));
                    return new OutboxEvent(
                            row.getObject(2, UUID.class),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            row.getString(7),
                            row.getString(8),
                            row.getObject(9, java.time.OffsetDateTime.class).toInstant());
                },
                batchSize);
        if (events.isEmpty()) {
            return 0;
        }
        publishingSince = Instant.now();
        try {
            publisher.publishAll(events);
        } catch (RuntimeException e) {
            brokerRefused = true;
            throw e;
        } finally {
            publishingSince = null;
        }
        Jdbc.update(
                em, "update outbox_event set sent_at = now() where seq = any(?)", (Object) seqs.toArray(Long[]::new));
        return events.size();
    }

    /** When the batch now waiting for the broker's acknowledgement was sent; null when none waits. */
    public Instant publishingSince() {
        return publishingSince;
    }

    /** Whether the last failure was the broker's (else the database's). */
    public boolean lastFailureWasBroker() {
        return lastFailureWasBroker;
    }

    public String lastFailure() {
        return lastFailure;
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    void onStop(@Observes ShutdownEvent event) {
        drains.stop();
    }
}
