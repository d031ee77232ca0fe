package org.onemind.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request rates, per environment: each policy counts the operations it names per key (the caller,
 * the caller's IP when anonymous, or the agency in the path) in fixed windows kept in the
 * database, so every replica counts against the same limit.
 */
@ConfigMapping(prefix = "onemind.rate-limits")
public interface RateLimitConfig {
    /** Off only for a load test that must not be throttled. */
    @WithDefault("true")
    boolean enabled();

    Map<String, Policy> policies();

    interface Policy {
        /** {@code METHOD /path} patterns; {@code *} is one path segment, {@code **} the rest. */
        List<String> operations();

        /** Only requests that accept this media type (an export), when given. */
        Optional<String> accepting();

        int limit();

        Duration window();

        /** What is counted: CALLER (token subject, or the IP when anonymous), IP, or AGENCY (the agency in the path). */
        @WithDefault("CALLER")
        Key key();
    }

    enum Key {
        CALLER,
        IP,
        AGENCY
    }
}
