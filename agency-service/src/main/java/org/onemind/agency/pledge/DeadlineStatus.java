package org.onemind.agency.pledge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

public enum DeadlineStatus {
    ON_TRACK,
    DUE_SOON,
    OVERDUE,
    COMPLETED;

    static final int DUE_SOON_DAYS = 90;

    /** RULES.md: due soon within 90 days of the target unless eligible; overdue past it unless completed. */
    public static DeadlineStatus of(PledgeStatus status, LocalDate target, boolean eligible, LocalDate today) {
        if (status == PledgeStatus.COMPLETED) {
            return COMPLETED;
        }
        if (today.isAfter(target)) {
            return OVERDUE;
        }
        if (!eligible && ChronoUnit.DAYS.between(today, target) <= DUE_SOON_DAYS) {
            return DUE_SOON;
        }
        return ON_TRACK;
    }
}
