package org.onemind.platform.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * What the service's tables say about its event pipeline, as gauges read at scrape time: the
 * outbox's unsent events and the age of the oldest, and the dead letters waiting for an admin per
 * consumer. Every replica reports the same (shared) figures; alerts take their {@code max}. One
 * query serves a scrape's gauges and is reused for a few seconds, so scrapes of several replicas
 * and Prometheus servers cost the database little. While the database is away the gauges are NaN
 * (absent in Prometheus), never a stale figure. The outbox health check reads the same figures.
 */
@Startup
@ApplicationScoped
public class PipelineGauges {
    private static final Logger LOG = Logger.getLogger(PipelineGauges.class);
    private static final Duration REUSE = Duration.ofSeconds(5);

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    private record Figures(Instant readAt, double backlog, double oldestSeconds, Map<String, Double> deadLetters) {}

    private volatile Figures figures;
    private final Map<String, Boolean> deadLetterGauges = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        Gauge.builder("onemind.outbox.backlog", this, g -> g.figures().backlog())
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder(
                        "onemind.outbox.oldest.age.seconds",
                        this,
                        g -> g.figures().oldestSeconds())
                .description("Age of the oldest event not yet published (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Registers the dead-letter gauge of a consumer (its figure is 0 until one is set aside). */
    public void watchDeadLetters(String consumer) {
        deadLetterGauges.computeIfAbsent(consumer, name -> {
            Gauge.builder("onemind.dead.letters.pending", this, g -> g.deadLettersOf(name))
                    .description("Events set aside by the consumer and not yet replayed or discarded")
                    .tag("consumer", name)
                    .register(registry);
            return true;
        });
    }

    /** The outbox's unsent events and the age of the oldest, as last read; empty while the database is away. */
    public record OutboxBacklog(long pending, long oldestSeconds) {}

    public java.util.Optional<OutboxBacklog> outboxBacklog() {
        Figures read = figures();
        return Double.isNaN(read.backlog())
                ? java.util.Optional.empty()
                : java.util.Optional.of(new OutboxBacklog((long) read.backlog(), (long) read.oldestSeconds()));
    }

    private double deadLettersOf(String consumer) {
        Map<String, Double> pending = figures().deadLetters();
        return pending == null ? Double.NaN : pending.getOrDefault(consumer, 0.0);
    }

    private Figures figures() {
        Figures current = figures;
        if (current != null && current.readAt().plus(REUSE).isAfter(Instant.now())) {
            return current;
        }
        synchronized (this) {
            current = figures;
            if (current != null && current.readAt().plus(REUSE).isAfter(Instant.now())) {
                return current;
            }
            figures = current = read();
            return current;
        }
    }

    private Figures read() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            double backlog;
            double oldest;
            try (ResultSet row =
                    statement.executeQuery("select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)"
                            + " from outbox_event where sent_at is null")) {
                row.next();
                backlog = row.getLong(1);
                oldest = row.getDouble(2);
            }
            Map<String, Double> deadLetters = new java.util.HashMap<>();
            try (ResultSet rows = statement.executeQuery(
                    "select consumer, count(*) from dead_letter where status = 'PENDING' group by consumer")) {
                while (rows.next()) {
                    deadLetters.put(rows.getString(1), (double) rows.getLong(2));
                    watchDeadLetters(rows.getString(1));
                }
            }
            return new Figures(Instant.now(), backlog, oldest, deadLetters);
        } catch (Exception e) {
            LOG.debugf("pipeline gauges unavailable: %s", e.getMessage());
            return new Figures(Instant.now(), Double.NaN, Double.NaN, null);
        }
    }
}
