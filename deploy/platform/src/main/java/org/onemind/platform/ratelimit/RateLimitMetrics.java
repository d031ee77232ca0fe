package org.onemind.platform.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code onemind_rate_limited_total{policy}}: requests refused with 429, one series per configured policy from the start. */
@Startup
@ApplicationScoped
public class RateLimitMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    RateLimitConfig config;

    private Map<String, Counter> refused;

    @PostConstruct
    void register() {
        refused = config.policies().keySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        policy -> policy,
                        policy -> Counter.builder("onemind.rate.limited")
                                .description("Requests answered 429 because the caller exceeded the policy")
                                .tag("policy", policy)
                                .register(registry)));
    }

    void refused(String policy) {
        refused.get(policy).increment();
    }
}
