package org.onemind.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each consumer is flowing or stuck retrying an event, for the health data and the metrics
 * ({@code onemind_consumer_stuck_seconds}, {@code onemind_events_consumed_total},
 * {@code onemind_consumer_retries_total}, {@code onemind_dead_letters_total},
 * {@code onemind_event_latency_seconds}).
 */
@ApplicationScoped
public class ConsumerStates {

    /** Where a consumer stands now. {@code stuckSince} is null while it flows. */
    public record State(
            String consumer,
            Instant stuckSince,
            int attempts,
            String topic,
            int partition,
            long offset,
            String eventId,
            String lastError) {
        public Duration stuckFor(Instant now) {
            return stuckSince == null ? Duration.ZERO : Duration.between(stuckSince, now);
        }
    }

    @Inject
    MeterRegistry registry;

    @Inject
    org.onemind.platform.metrics.PipelineGauges pipelineGauges;

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, Boolean> watched = new ConcurrentHashMap<>();

    public Map<String, State> all() {
        return Map.copyOf(states);
    }

    void flowing(String consumer) {
        states.put(consumer, new State(consumer, null, 0, null, -1, -1, null, null));
    }

    void retrying(
            String consumer,
            org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record,
            String eventId,
            int attempts,
            Failures.Kind kind,
            Throwable failure) {
        State previous = states.get(consumer);
        Instant since = previous == null || previous.stuckSince() == null ? Instant.now() : previous.stuckSince();
        states.put(
                consumer,
                new State(
                        consumer,
                        since,
                        attempts,
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        eventId,
                        describe(failure)));
        retries(consumer, typeOf(record), kind).increment();
    }

    void deadLettered(String consumer, org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record) {
        deadLetters(consumer, typeOf(record)).increment();
    }

    /** Events applied (their transaction committed): counted, and timed from their creation (ce_time). */
    void applied(String consumer, java.util.List<org.onemind.platform.events.CloudEvent> events) {
        Instant now = Instant.now();
        for (org.onemind.platform.events.CloudEvent event : events) {
            consumed(consumer, event.type()).increment();
            if (event.time() != null) {
                latency(consumer).record(Duration.between(event.time().toInstant(), now));
            }
        }
    }

    /**
     * Registers the consumer's meters, for every type it applies, the first time it polls: a series
     * that is 0 is one an alert can read (a counter born at its first increment hides that increase).
     */
    void watch(String consumer, java.util.Set<String> types) {
        if (watched.putIfAbsent(consumer, Boolean.TRUE) != null) {
            return;
        }
        Gauge.builder(
                        "onemind.consumer.stuck.seconds",
                        states,
                        s -> s.get(consumer) == null
                                ? 0
                                : s.get(consumer).stuckFor(Instant.now()).toMillis() / 1000.0)
                .description("How long the consumer has been retrying the same event (0 while it flows)")
                .tag("consumer", consumer)
                .register(registry);
        latency(consumer);
        for (String type : types) {
            consumed(consumer, type);
            deadLetters(consumer, type);
            retries(consumer, type, Failures.Kind.TRANSIENT);
            retries(consumer, type, Failures.Kind.UNEXPECTED);
        }
        pipelineGauges.watchDeadLetters(consumer);
    }

    private Counter consumed(String consumer, String type) {
        return Counter.builder("onemind.events.consumed")
                .description("Events a consumer applied (a redelivery it recognised is not counted)")
                .tag("consumer", consumer)
                .tag("type", type)
                .register(registry);
    }

    private Counter retries(String consumer, String type, Failures.Kind kind) {
        return Counter.builder("onemind.consumer.retries")
                .description("Attempts to apply an event that failed and will be retried")
                .tag("consumer", consumer)
                .tag("type", type)
                .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }

    private Counter deadLetters(String consumer, String type) {
        return Counter.builder("onemind.dead.letters")
                .description("Events a consumer could never apply and set aside")
                .tag("consumer", consumer)
                .tag("type", type)
                .register(registry);
    }

    /** Event created (its outbox row, ce_time) until its effect committed here: for compliance's training consumer, the chain. */
    private Timer latency(String consumer) {
        return Timer.builder("onemind.event.latency")
                .description(
                        "From an event's creation in its producer's transaction to its effect committed by this consumer")
                .tag("consumer", consumer)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    /** The histogram's buckets: around the chain's objectives (1 s p99 idle, 5 minutes after a national import). */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(15)
    };

    /** The record's CloudEvents type, or "unreadable" when it has none. */
    private static String typeOf(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record) {
        org.apache.kafka.common.header.Header type = record.headers().lastHeader("ce_type");
        String name = type == null ? null : new String(type.value(), java.nio.charset.StandardCharsets.UTF_8);
        // Bounded: only a type name of the catalog's form is a label, anything else is one value.
        return name != null && name.matches("onemind\\.[a-z-]+\\.[a-z-]+\\.v[0-9]{1,3}") ? name : "unreadable";
    }

    /** The innermost message worth reading, never a stack trace. */
    static String describe(Throwable failure) {
        Throwable root = Failures.rootCause(failure);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
