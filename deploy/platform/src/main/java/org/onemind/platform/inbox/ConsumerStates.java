package org.onemind.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each consumer is flowing or stuck retrying an event, for the health data and the metrics
 * ({@code onemind_consumer_stuck_seconds}, {@code onemind_consumer_retries_total},
 * {@code onemind_dead_letters_total}).
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

    private final Map<String, State> states = new ConcurrentHashMap<>();

    public Map<String, State> all() {
        return Map.copyOf(states);
    }

    void flowing(String consumer) {
        State previous = states.put(consumer, new State(consumer, null, 0, null, -1, -1, null, null));
        if (previous == null) {
            register(consumer);
        }
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
        if (previous == null) {
            register(consumer);
        }
        Counter.builder("onemind.consumer.retries")
                .description("Attempts to apply an event that failed and will be retried")
                .tag("consumer", consumer)
                .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }

    void deadLettered(String consumer) {
        Counter.builder("onemind.dead.letters")
                .description("Events a consumer could never apply and set aside")
                .tag("consumer", consumer)
                .register(registry)
                .increment();
    }

    private void register(String consumer) {
        Gauge.builder(
                        "onemind.consumer.stuck.seconds",
                        states,
                        s -> s.get(consumer) == null
                                ? 0
                                : s.get(consumer).stuckFor(Instant.now()).toMillis() / 1000.0)
                .description("How long the consumer has been retrying the same event (0 while it flows)")
                .tag("consumer", consumer)
                .register(registry);
        Counter.builder("onemind.dead.letters")
                .description("Events a consumer could never apply and set aside")
                .tag("consumer", consumer)
                .register(registry);
    }

    /** The innermost message worth reading, never a stack trace. */
    static String describe(Throwable failure) {
        Throwable root = Failures.rootCause(failure);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
