package org.onemind.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the event pipeline without gating readiness on the broker: while Kafka is away writes
 * keep landing in the outbox, so the service stays ready and this check shows the backlog.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    EntityManager em;

    @Inject
    OutboxRelay relay;

    @Override
    @Transactional
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder =
                HealthCheckResponse.named("event-outbox").up();
        try {
            Object[] backlog = (Object[])
                    em.createNativeQuery("select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)"
                                    + " from outbox_event where sent_at is null")
                            .getSingleResult();
            builder.withData("pendingEvents", ((Number) backlog[0]).longValue());
            builder.withData("oldestPendingSeconds", ((Number) backlog[1]).longValue());
        } catch (RuntimeException e) {
            builder.withData("pendingEvents", "unknown");
        }
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
