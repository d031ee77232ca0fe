package org.onemind.compliance.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GranularityTest {
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 7, 1);

    @Test
    void eachPointIsTheLastDayOfItsPeriodAndTheLastPointIsTo() {
        assertEquals(
                List.of(WEDNESDAY, WEDNESDAY.plusDays(1), WEDNESDAY.plusDays(2)),
                Granularity.DAY.pointDates(WEDNESDAY, WEDNESDAY.plusDays(2)));
        assertEquals(
                List.of(LocalDate.of(2026, 7, 5), LocalDate.of(2026, 7, 12), LocalDate.of(2026, 7, 14)),
                Granularity.WEEK.pointDates(WEDNESDAY, LocalDate.of(2026, 7, 14)));
        assertEquals(
                List.of(LocalDate.of(2026, 7, 31), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 10)),
                Granularity.MONTH.pointDates(WEDNESDAY, LocalDate.of(2026, 9, 10)));
        assertEquals(List.of(WEDNESDAY), Granularity.MONTH.pointDates(WEDNESDAY, WEDNESDAY));
    }

    @Test
    void thePointCountIsKnownWithoutListingThem() {
        for (Granularity granularity : Granularity.values()) {
            for (LocalDate to : List.of(WEDNESDAY, WEDNESDAY.plusDays(4), WEDNESDAY.plusDays(400))) {
                assertEquals(
                        granularity.pointDates(WEDNESDAY, to).size(),
                        granularity.pointCount(WEDNESDAY, to),
                        granularity + " to " + to);
            }
        }
        assertEquals(1_096, Granularity.DAY.pointCount(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)));
    }
}
