package org.onemind.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.onemind.platform.deadletter.DeadLetters;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.events.UnprocessableEventException;
import org.onemind.platform.logging.Redaction;
import org.onemind.platform.tracing.EventSpans;

/**
 * The one way consumers take an event. Each attempt reads the record as a CloudEvent, continues its
 * trace and applies it once (the event id is recorded in {@code processed_event} in the same
 * transaction as the effect). A transient failure (database away, lock or statement timeout,
 * deadlock, serialization or optimistic-lock failure, transaction timeout) is retried with bounded
 * backoff on the consumer's own thread, so the partition waits in order and nothing is skipped;
 * {@link ConsumerStates} reports it stuck meanwhile. A record no retry can apply is dead-lettered
 * ({@link DeadLetters}) and the partition moves on.
 */
@ApplicationScoped
public class IncomingEvents {
    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents processed;

    @Inject
    ConsumerStates states;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EventSpans spans;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "onemind.consumer.retry.initial-backoff", defaultValue = "200ms")
    Duration initialBackoff;

    @ConfigProperty(name = "onemind.consumer.retry.max-backoff", defaultValue = "10s")
    Duration maxBackoff;

    /** Attempts for a failure that is neither known transient nor poison (a bug, most likely) before it is set aside. */
    @ConfigProperty(name = "onemind.consumer.retry.unexpected-attempts", defaultValue = "8")
    int unexpectedAttempts;

    /** A batch's transaction: its records' writes and the evaluations they coalesce into. */
    @ConfigProperty(name = "onemind.consumer.batch-timeout-seconds", defaultValue = "120")
    int batchTimeoutSeconds;

    /** The log context key of the agency an event concerns (its CloudEvents subject). */
    public static final String AGENCY_ID = "agencyId";

    private volatile boolean stopping;

    /** The name under which the handler's processed events and dead letters are recorded. */
    public String consumerName(EventHandler handler) {
        return service + "/" + handler.channel();
    }

    /**
     * Applies the record, retrying until it is applied or dead-lettered. Returns only then, so the
     * channel acknowledges (commits) the offset only after the effect committed. Throws only when
     * the service is stopping, leaving the offset uncommitted for the next owner of the partition.
     */
    public void consume(EventHandler handler, ConsumerRecord<String, String> record) {
        consumeAll(handler, java.util.List.of(record));
    }

    /**
     * Applies a batch of records (one poll of the consumer, in partition order) in one transaction,
     * so that a handler can coalesce what they change ({@link EventHandler#finishBatch}: one
     * evaluation per agency, not per record), and returns as {@link #consume} does. A transient
     * failure retries the whole batch; any other failure applies the records one by one, so that
     * only the record at fault is set aside.
     */
    public void consumeAll(EventHandler handler, java.util.List<ConsumerRecord<String, String>> polled) {
        String consumer = consumerName(handler);
        states.watch(consumer, handler.types());
        // Each record is read once: to decide whether it is needed, and then to apply it.
        java.util.List<Incoming> needed = polled.stream()
                .map(this::read)
                .filter(incoming -> mayApply(handler, incoming.event()))
                .toList();
        if (needed.isEmpty()) {
            states.flowing(consumer);
            return; // nothing this consumer uses: no transaction at all
        }
        java.util.List<ConsumerRecord<String, String>> records =
                needed.stream().map(Incoming::record).toList();
        ConsumerRecord<String, String> first = records.get(0);
        int unexpectedFailures = 0;
        for (int attempt = 1; ; attempt++) {
            Failures.Kind kind;
            Duration wait = backoff(attempt);
            try {
                java.util.List<CloudEvent> applied = QuarkusTransaction.requiringNew()
                        .timeout(batchTimeoutSeconds)
                        .call(() -> {
                            java.util.List<CloudEvent> appliedNow = applyOnce(handler, needed);
                            handler.finishBatch();
                            return appliedNow;
                        });
                states.flowing(consumer);
                states.applied(consumer, applied);
                return;
            } catch (RuntimeException failure) {
                kind = Failures.classify(failure);
                if (kind != Failures.Kind.TRANSIENT && records.size() > 1) {
                    LOG.debugf(
                            "%s could not apply a batch of %d records (%s); applying them one by one: %s",
                            consumer, records.size(), kind, ConsumerStates.describe(failure));
                    records.forEach(record -> consume(handler, record));
                    return;
                }
                if (kind == Failures.Kind.UNEXPECTED) {
                    unexpectedFailures++;
                }
                if (kind == Failures.Kind.POISON || unexpectedFailures >= unexpectedAttempts) {
                    if (setAside(handler, first, failure)) {
                        states.flowing(consumer);
                        return;
                    }
                    kind = Failures.Kind.TRANSIENT; // could not record the dead letter: the database, most likely
                }
                states.retrying(consumer, first, eventId(first), attempt, kind, failure);
                LOG.warnf(
                        "%s could not apply %d record(s) from %s-%d@%d (attempt %d, %s); retrying in %d ms: %s",
                        consumer,
                        records.size(),
                        first.topic(),
                        first.partition(),
                        first.offset(),
                        attempt,
                        kind,
                        wait.toMillis(),
                        Redaction.forLog(ConsumerStates.describe(failure)));
            }
            pause(wait);
        }
    }

    /** A polled record and its event, or no event when the record cannot be read (applying it then fails). */
    private record Incoming(ConsumerRecord<String, String> record, CloudEvent event) {}

    private Incoming read(ConsumerRecord<String, String> record) {
        try {
            return new Incoming(record, CloudEvent.from(record, json));
        } catch (RuntimeException unreadable) {
            return new Incoming(record, null);
        }
    }

    /**
     * False for a record the transaction would pass over anyway: a type of another name, or one the
     * handler does not need. A record that cannot be read, or a version of a known type this consumer
     * does not know, goes on to be set aside there.
     */
    private static boolean mayApply(EventHandler handler, CloudEvent event) {
        if (event == null) {
            return true;
        }
        if (!handler.types().contains(event.type())) {
            String name = withoutVersion(event.type());
            return name != null && handler.types().stream().anyMatch(known -> name.equals(withoutVersion(known)));
        }
        try {
            return handler.needs(event);
        } catch (RuntimeException unreadable) {
            return true; // to be refused in the transaction, and set aside
        }
    }

    /** Applies a dead letter again, in one transaction; throws when it still cannot be applied. */
    public void replay(EventHandler handler, ConsumerRecord<String, String> record, Runnable inSameTransaction) {
        QuarkusTransaction.requiringNew().run(() -> {
            applyOnce(handler, java.util.List.of(read(record)));
            handler.finishBatch();
            inSameTransaction.run();
        });
    }

    /**
     * Applies each record not applied before, in order; the ids are claimed in one statement. Each
     * event is applied in a span of its own trace (what it writes to the outbox continues that trace)
     * with its agency in the log context. Returns the events applied.
     */
    private java.util.List<CloudEvent> applyOnce(EventHandler handler, java.util.List<Incoming> records) {
        String consumer = consumerName(handler);
        java.util.List<CloudEvent> events = new java.util.ArrayList<>(records.size());
        java.util.List<String> wanted = new java.util.ArrayList<>(records.size());
        for (Incoming incoming : records) {
            // An unreadable record is read again here, to fail with why (and be set aside).
            CloudEvent event = incoming.event() != null ? incoming.event() : CloudEvent.from(incoming.record(), json);
            events.add(event);
            if (handler.types().contains(event.type())) {
                wanted.add(event.id());
            }
        }
        java.util.Set<String> firstDeliveries = processed.firstDeliveries(consumer, wanted);
        java.util.List<CloudEvent> applied = new java.util.ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            CloudEvent event = events.get(i);
            if (!handler.types().contains(event.type())) {
                refuseUnknownVersion(handler, event);
                continue; // an event this consumer has no use for
            }
            if (!firstDeliveries.remove(event.id())) {
                LOG.debugf("%s already applied event %s (%s); ignoring the repeat", consumer, event.id(), event.type());
                continue;
            }
            Span span = spans.process(
                    consumer,
                    records.get(i).record().topic(),
                    event.id(),
                    event.type(),
                    event.subject(),
                    event.traceparent());
            try (Scope scope = span.makeCurrent()) {
                MDC.put(AGENCY_ID, event.subject());
                handler.apply(event);
                applied.add(event);
            } catch (RuntimeException failure) {
                EventSpans.failed(span, failure);
                throw failure;
            } finally {
                MDC.remove(AGENCY_ID);
                span.end();
            }
        }
        return applied;
    }

    private static void refuseUnknownVersion(EventHandler handler, CloudEvent event) {
        String name = withoutVersion(event.type());
        if (name != null && handler.types().stream().anyMatch(known -> name.equals(withoutVersion(known)))) {
            throw new UnprocessableEventException("event " + event.id() + " has type " + event.type()
                    + ", a version this consumer does not know (it applies "
                    + handler.types().stream()
                            .filter(known -> name.equals(withoutVersion(known)))
                            .sorted()
                            .toList() + ")");
        }
    }

    /** {@code onemind.agency.agency-updated.v2} → {@code onemind.agency.agency-updated}; null without a version. */
    static String withoutVersion(String type) {
        int dot = type.lastIndexOf('.');
        return dot > 0
                        && type.length() > dot + 2
                        && type.charAt(dot + 1) == 'v'
                        && type.substring(dot + 2).chars().allMatch(Character::isDigit)
                ? type.substring(0, dot)
                : null;
    }

    private boolean setAside(EventHandler handler, ConsumerRecord<String, String> record, RuntimeException failure) {
        try {
            deadLetters.record(consumerName(handler), handler.channel(), record, failure);
            states.deadLettered(consumerName(handler), record);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(
                    "%s could not set %s-%d@%d aside yet: %s",
                    consumerName(handler),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    Redaction.forLog(ConsumerStates.describe(e)));
            return false;
        }
    }

    Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    private void pause(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        try {
            while (!stopping && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
        if (stopping) {
            // Not acknowledged: the partition's next owner (or this service after its restart) takes it again.
            throw new IllegalStateException("stopping while an event waits for a retry; it stays on the topic");
        }
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(CloudEvent.ID);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }
}
