package org.onemind.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.onemind.platform.metrics.PipelineGauges;

/**
 * Reports the event pipeline without gating readiness on the broker: while Kafka is away writes
 * keep landing in the outbox, so the service stays ready and this check shows the backlog.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    PipelineGauges gauges;

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder =
                HealthCheckResponse.named("event-outbox").up();
        gauges.outboxBacklog()
                .ifPresentOrElse(
                        backlog -> builder.withData("pendingEvents", backlog.pending())
                                .withData("oldestPendingSeconds", backlog.oldestSeconds()),
                        () -> builder.withData("pendingEvents", "unknown"));
        String failure = relay.lastFailure();
        java.time.Instant waiting = relay.publishingSince();
        boolean stalled =
                waiting != null && waiting.isBefore(java.time.Instant.now().minusSeconds(10));
        builder.withData(
                "broker", (failure != null && relay.lastFailureWasBroker()) || stalled ? "unreachable" : "reachable");
        if (stalled) {
            builder.withData("waitingForBrokerSince", waiting.toString());
        }
        if (failure != null) {
            builder.withData("lastPublishFailure", failure);
            builder.withData("lastPublishFailureAt", String.valueOf(relay.lastFailureAt()));
        }
        return builder.build();
    }
}
