package org.onemind.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onemind.platform.problem.ApiException;

class AgencyIdsTest {
    private static final Instant REGISTERED = Instant.parse("2026-03-02T10:15:30.123Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Test
    void aNewIdIsAVersion7UuidThatTellsWhenItWasMinted() {
        UUID id = AgencyIds.newId(REGISTERED);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(REGISTERED, AgencyIds.mintedAt(id).orElseThrow());
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void idsMintedLaterSortAfter() {
        assertTrue(AgencyIds.newId(REGISTERED)
                        .toString()
                        .compareTo(AgencyIds.newId(REGISTERED.plusMillis(1)).toString())
                < 0);
    }

    @Test
    void anAgencyRegisteredMomentsAgoIsNotYetKnownNotMissing() {
        ApiException answer = AgencyIds.notKnownHere(AgencyIds.newId(REGISTERED), REGISTERED.plusSeconds(2), WINDOW);
        assertEquals(503, answer.status());
        assertEquals(1, answer.headers().get("Retry-After"));
    }

    @Test
    void anOldOrRandomOrFutureIdThatIsNotKnownDoesNotExist() {
        assertEquals(
                404,
                AgencyIds.notKnownHere(
                                AgencyIds.newId(REGISTERED),
                                REGISTERED.plus(WINDOW).plusSeconds(1),
                                WINDOW)
                        .status());
        assertEquals(
                404,
                AgencyIds.notKnownHere(UUID.randomUUID(), REGISTERED, WINDOW).status());
        assertEquals(
                404,
                AgencyIds.notKnownHere(AgencyIds.newId(REGISTERED.plus(Duration.ofDays(1))), REGISTERED, WINDOW)
                        .status());
    }
}
