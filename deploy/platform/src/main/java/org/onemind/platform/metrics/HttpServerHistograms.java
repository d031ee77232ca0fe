package org.onemind.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * {@code http_server_requests_seconds} as a histogram with buckets at the read and write objectives
 * (README, Service-level objectives), so that Prometheus computes p99 and the share of requests
 * within an objective across replicas (a client-side percentile cannot be aggregated).
 */
public class HttpServerHistograms {
    static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
    };

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(java.util.Arrays.stream(BUCKETS)
                                .mapToDouble(d -> d.toNanos())
                                .toArray())
                        .build()
                        .merge(config);
            }
        };
    }
}
