package org.onemind.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.onemind.platform.deadletter.DeadLetters;

/**
 * Reports each consumer as flowing or stuck (since when, on which record, why) and the pending dead
 * letters. It does not gate readiness: a consumer stuck on its database already makes the service
 * unready through the datasource check, and one stuck on anything else leaves the API able to serve
 * what it has, so taking the pod out of the Service would only add an outage. The stuck state is
 * for alerts ({@code onemind_consumer_stuck_seconds}) and for the operator reading this check.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    @Inject
    ConsumerStates states;

    @Inject
    DeadLetters deadLetters;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder =
                HealthCheckResponse.named("event-consumers").up();
        Instant now = Instant.now();
        states.all().values().stream()
                .sorted(java.util.Comparator.comparing(ConsumerStates.State::consumer))
                .forEach(state -> {
                    if (state.stuckSince() == null) {
                        builder.withData(state.consumer(), "flowing");
                    } else {
                        builder.withData(
                                state.consumer(),
                                "stuck for " + state.stuckFor(now).toSeconds() + " s on "
                                        + state.topic() + "-" + state.partition() + "@" + state.offset() + " (event "
                                        + state.eventId()
                                        + ", attempt " + state.attempts() + "): " + state.lastError());
                    }
                });
        try {
            builder.withData("pendingDeadLetters", deadLetters.pending());
        } catch (RuntimeException e) {
            builder.withData("pendingDeadLetters", "unknown");
        }
        return builder.build();
    }
}
