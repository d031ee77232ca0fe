package org.onemind.platform.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.inbox.EventHandler;
import org.onemind.platform.inbox.Failures;
import org.onemind.platform.inbox.IncomingEvents;
import org.onemind.platform.outbox.KafkaEventPublisher;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.tx.Jdbc;

/**
 * Records that a consumer could never apply. Each is kept in the service's database (for campaign
 * admins to list and replay) and forwarded to {@code <topic>.dlq} with headers naming the consumer
 * group, the service, the exception and its message, the original coordinates and the time.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {};

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    KafkaEventPublisher kafka;

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    Config config;

    @Inject
    jakarta.inject.Provider<IncomingEvents> incoming;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Sets the record aside in its own transaction; throws (to be retried) when that cannot be done now. */
    public void record(String consumer, String channel, ConsumerRecord<String, String> record, Throwable failure) {
        Throwable cause = Failures.rootCause(failure);
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String group = config.getOptionalValue("mp.messaging.incoming." + channel + ".group.id", String.class)
                .orElse(service);
        Instant now = Instant.now();
        Map<String, String> originalHeaders = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            originalHeaders.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            int inserted = em.createNativeQuery(
                            "insert into dead_letter (id, consumer, channel, topic, record_partition,"
                                    + " record_offset, record_key, headers, payload, event_id, event_type, reason, exception, dead_lettered_at)"
                                    + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) on conflict do nothing")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, consumer)
                    .setParameter(3, channel)
                    .setParameter(4, record.topic())
                    .setParameter(5, record.partition())
                    .setParameter(6, record.offset())
                    .setParameter(7, record.key())
                    .setParameter(8, write(originalHeaders))
                    .setParameter(9, record.value())
                    .setParameter(10, originalHeaders.get(CloudEvent.ID))
                    .setParameter(11, originalHeaders.get(CloudEvent.TYPE))
                    .setParameter(12, truncate(reason))
                    .setParameter(13, cause.getClass().getName())
                    .setParameter(14, now.atOffset(java.time.ZoneOffset.UTC))
                    .executeUpdate();
            if (inserted == 0) {
                return; // set aside before (a redelivery of the same record)
            }
            // Forwarded before the row commits: if the broker does not take it, neither row nor offset moves.
            RecordHeaders headers = new RecordHeaders();
            for (Header header : record.headers()) {
                headers.add(header);
            }
            add(headers, "dead-letter-reason", truncate(reason));
            add(headers, "dead-letter-exception-class-name", cause.getClass().getName());
            add(headers, "dead-letter-consumer-group", group);
            add(headers, "dead-letter-consumer", consumer);
            add(headers, "dead-letter-service", service);
            add(headers, "dead-letter-topic", record.topic());
            add(headers, "dead-letter-partition", String.valueOf(record.partition()));
            add(headers, "dead-letter-offset", String.valueOf(record.offset()));
            add(headers, "dead-letter-time", now.toString());
            kafka.send(new ProducerRecord<>(record.topic() + ".dlq", null, record.key(), record.value(), headers));
        });
        LOG.errorf(
                "%s set aside %s-%d@%d (event %s, %s): %s",
                consumer,
                record.topic(),
                record.partition(),
                record.offset(),
                originalHeaders.get(CloudEvent.ID),
                originalHeaders.get(CloudEvent.TYPE),
                reason);
    }

    /** The dead letters of this service, oldest first, optionally of one status. */
    public ListPage<DeadLetterView> list(Optional<DeadLetterStatus> status, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            return Jdbc.page(
                    em,
                    COLUMNS,
                    "from dead_letter" + (status.isPresent() ? " where status = ?" : ""),
                    "dead_lettered_at, id",
                    row -> StoredLetter.read(row).view(),
                    page,
                    size,
                    status.map(s -> new Object[] {s.name()}).orElse(new Object[0]));
        });
    }

    public DeadLetterView find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> stored(id).view());
    }

    /**
     * Applies a dead letter again through its consumer. An event the consumer applied meanwhile
     * changes nothing (its id is in the consumer's processed events). A dead letter that still
     * fails stays pending with the new reason, and the answer is 409.
     */
    public DeadLetterView replay(UUID id) {
        StoredLetter stored = QuarkusTransaction.requiringNew().call(() -> stored(id));
        DeadLetterView letter = stored.view();
        if (letter.status() == DeadLetterStatus.REPLAYED) {
            return letter;
        }
        EventHandler handler = handlers.stream()
                .filter(h -> h.channel().equals(stored.channel()))
                .findFirst()
                .orElseThrow(() -> ApiException.conflict(
                        "consumer-gone",
                        "dead letter " + id + " belongs to consumer " + letter.consumer()
                                + ", which this version of the service no longer has"));
        try {
            incoming.get()
                    .replay(
                            handler,
                            toRecord(stored),
                            () -> em.createNativeQuery(
                                            "update dead_letter set status = 'REPLAYED',"
                                                    + " replayed_at = now(), replay_attempts = replay_attempts + 1 where id = ?1 and status = 'PENDING'")
                                    .setParameter(1, id)
                                    .executeUpdate());
        } catch (RuntimeException e) {
            String reason = truncate(String.valueOf(Failures.rootCause(e).getMessage()));
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("update dead_letter set"
                                    + " replay_attempts = replay_attempts + 1, last_replay_error = ?2 where id = ?1")
                            .setParameter(1, id)
                            .setParameter(2, reason)
                            .executeUpdate());
            throw ApiException.conflict("replay-failed", "dead letter " + id + " still cannot be applied: " + reason)
                    .with("deadLetterId", id);
        }
        return find(id);
    }

    /** Replays pending dead letters, oldest first, at most {@code limit} of them. */
    public ReplayOutcome replayPending(int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select id from dead_letter where status = 'PENDING' order by dead_lettered_at, id limit ?1")
                        .setParameter(1, limit)
                        .getResultList());
        int replayed = 0;
        List<ReplayOutcome.Failure> failures = new ArrayList<>();
        for (UUID id : ids) {
            try {
                replay(id);
                replayed++;
            } catch (ApiException e) {
                failures.add(new ReplayOutcome.Failure(id, e.getMessage()));
            }
        }
        long remaining = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from dead_letter where status = 'PENDING'")
                                .getSingleResult())
                        .longValue());
        return new ReplayOutcome(ids.size(), replayed, failures, remaining);
    }

    public long pending() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from dead_letter where status = 'PENDING'")
                                .getSingleResult())
                        .longValue());
    }

    private static final String COLUMNS = "id, consumer, channel, topic, record_partition, record_offset, record_key,"
            + " headers, payload, event_id, event_type, reason, dead_lettered_at, status, replay_attempts,"
            + " last_replay_error, replayed_at";

    /** A dead letter as stored: what the API shows, and what replaying it needs. */
    private record StoredLetter(DeadLetterView view, String channel, String headers, String payload) {
        static StoredLetter read(ResultSet row) throws SQLException {
            DeadLetterView view = new DeadLetterView(
                    row.getObject(1, UUID.class),
                    row.getString(2),
                    row.getString(4),
                    row.getInt(5),
                    row.getLong(6),
                    row.getString(7),
                    row.getString(10),
                    row.getString(11),
                    row.getString(12),
                    instant(row.getObject(13, OffsetDateTime.class)),
                    DeadLetterStatus.valueOf(row.getString(14)),
                    row.getInt(15),
                    row.getString(16),
                    instant(row.getObject(17, OffsetDateTime.class)));
            return new StoredLetter(view, row.getString(3), row.getString(8), row.getString(9));
        }

        private static Instant instant(OffsetDateTime time) {
            return time == null ? null : time.toInstant();
        }
    }

    private StoredLetter stored(UUID id) {
        return Jdbc.first(em, "select " + COLUMNS + " from dead_letter where id = ?", StoredLetter::read, id)
                .orElseThrow(() -> ApiException.notFound("dead letter", id));
    }

    private ConsumerRecord<String, String> toRecord(StoredLetter stored) {
        DeadLetterView letter = stored.view();
        Map<String, String> original;
        try {
            original = json.readValue(stored.headers(), HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter " + letter.id() + " has unreadable headers", e);
        }
        RecordHeaders headers = new RecordHeaders();
        original.forEach(
                (name, value) -> headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        String value = stored.payload();
        return new ConsumerRecord<>(
                letter.topic(),
                letter.partition(),
                letter.offset(),
                ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE,
                -1,
                value == null ? -1 : value.length(),
                letter.key(),
                value,
                headers,
                Optional.empty());
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
