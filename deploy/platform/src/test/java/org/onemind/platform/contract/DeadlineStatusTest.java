package org.onemind.platform.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one deadline rule (RULES.md) both agency-service and compliance-service apply. */
class DeadlineStatusTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void aPledgeIsDueSoonWithinNinetyDaysOfItsTargetUnlessEligible() {
        assertEquals(DeadlineStatus.ON_TRACK, of(PledgeStatus.PLEDGED, TODAY.plusDays(91), false));
        assertEquals(DeadlineStatus.DUE_SOON, of(PledgeStatus.PLEDGED, TODAY.plusDays(90), false));
        assertEquals(DeadlineStatus.ON_TRACK, of(PledgeStatus.PLEDGED, TODAY.plusDays(90), true));
        assertEquals(DeadlineStatus.DUE_SOON, of(PledgeStatus.COMPLETION_SUBMITTED, TODAY, false));
    }

    @Test
    void aPledgePastItsTargetIsOverdueEvenWhenEligibleUntilCompleted() {
        assertEquals(DeadlineStatus.OVERDUE, of(PledgeStatus.PLEDGED, TODAY.minusDays(1), true));
        assertEquals(DeadlineStatus.COMPLETED, of(PledgeStatus.COMPLETED, TODAY.minusDays(1), true));
    }

    @Test
    void withoutAnOpenPledgeThereIsNoDeadline() {
        assertEquals(DeadlineStatus.NOT_PLEDGED, of(null, null, false));
        assertEquals(DeadlineStatus.NOT_PLEDGED, of(PledgeStatus.WITHDRAWN, TODAY.minusDays(1), false));
    }

    private static DeadlineStatus of(PledgeStatus pledge, LocalDate target, boolean eligible) {
        return DeadlineStatus.of(pledge, target, eligible, TODAY);
    }
}
