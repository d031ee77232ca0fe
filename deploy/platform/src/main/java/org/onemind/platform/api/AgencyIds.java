package org.onemind.platform.api;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.onemind.platform.problem.ApiException;

/**
 * Agency ids are UUID version 7 (RFC 9562): the first 48 bits are the time of registration in
 * milliseconds. That lets a service that learns of agencies from {@code agency.events} tell an
 * agency registered moments ago, which it has not read about yet, from one that does not exist:
 * the first is a 503 with {@code Retry-After} (a frontend that registers and imports at once just
 * retries), the second a 404. Agencies registered before version 7 ids keep their random ids.
 */
public final class AgencyIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AgencyIds() {}

    /** A new agency's id, minted now. */
    public static UUID newId() {
        return newId(Instant.now());
    }

    static UUID newId(Instant at) {
        long millis = at.toEpochMilli();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** When a version 7 id was minted; empty for any other id. */
    public static Optional<Instant> mintedAt(UUID id) {
        if (id.version() != 7 || id.variant() != 2) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16));
    }

    /**
     * The answer for an agency this service does not know: 503 with {@code Retry-After} while it may
     * simply not have read the registration yet ({@code onemind.agencies.propagation-window} after
     * the id was minted, 10 minutes by default), else 404.
     */
    public static ApiException notKnownHere(UUID agencyId) {
        return notKnownHere(
                agencyId,
                Instant.now(),
                ConfigProvider.getConfig()
                        .getOptionalValue("onemind.agencies.propagation-window", Duration.class)
                        .orElse(Duration.ofMinutes(10)));
    }

    static ApiException notKnownHere(UUID agencyId, Instant now, Duration window) {
        Optional<Instant> minted = mintedAt(agencyId);
        if (minted.isPresent()
                && !minted.get().isBefore(now.minus(window))
                && !minted.get().isAfter(now.plusSeconds(60))) {
            String service = ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.application.name", String.class)
                    .orElse("this service");
            return ApiException.unavailable(
                            "agency-not-yet-known",
                            "agency " + agencyId + " was registered moments ago and " + service
                                    + " has not received it yet; retry after the number of seconds in Retry-After")
                    .withHeader("Retry-After", 1);
        }
        return ApiException.notFound("agency", agencyId);
    }
}
