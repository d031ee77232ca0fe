package org.onemind.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * What the dispatchers achieve: {@code onemind_emails_total{outcome}} and
 * {@code onemind_webhooks_total{outcome}} (sent, retried, failed for good), and
 * {@code onemind_email_delivery_seconds} (email queued → accepted by the SMTP server), the measure of
 * the email objective.
 */
@Startup
@ApplicationScoped
public class SendingMetrics {
    public enum Outcome {
        SENT,
        RETRIED,
        FAILED
    }

    @Inject
    MeterRegistry registry;

    private Timer emailDelivery;

    @PostConstruct
    void register() {
        for (Outcome outcome : Outcome.values()) {
            counter("onemind.emails", "Email attempts by outcome", outcome);
            counter("onemind.webhooks", "Webhook message attempts by outcome", outcome);
        }
        emailDelivery = Timer.builder("onemind.email.delivery")
                .description("From an email queued (its event applied) to its acceptance by the SMTP server")
                .serviceLevelObjectives(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(15),
                        Duration.ofHours(1))
                .register(registry);
    }

    public void email(Outcome outcome, Instant queuedAt) {
        counter("onemind.emails", "Email attempts by outcome", outcome).increment();
        if (outcome == Outcome.SENT && queuedAt != null) {
            emailDelivery.record(Duration.between(queuedAt, Instant.now()));
        }
    }

    public void webhook(Outcome outcome) {
        counter("onemind.webhooks", "Webhook message attempts by outcome", outcome)
                .increment();
    }

    private Counter counter(String name, String description, Outcome outcome) {
        return Counter.builder(name)
                .description(description)
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }
}
