package org.onemind.platform.contract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How an agency stands against its pledge's target date (RULES.md); the one place the rule is written. */
public enum DeadlineStatus {
    ON_TRACK,
    DUE_SOON,
    OVERDUE,
    COMPLETED,
    NOT_PLEDGED;

    /** Within this many days of the target, an agency not yet eligible is due soon. */
    public static final int DUE_SOON_DAYS = 90;

    /**
     * Completed once completed; not pledged without an open pledge; overdue past the target unless
     * completed; due soon within {@link #DUE_SOON_DAYS} of it unless eligible to submit completion.
     *
     * @param pledge the pledge's status, null when the agency never pledged
     */
    public static DeadlineStatus of(PledgeStatus pledge, LocalDate target, boolean eligible, LocalDate today) {
        if (pledge == PledgeStatus.COMPLETED) {
            return COMPLETED;
        }
        if (pledge == null || !pledge.open()) {
            return NOT_PLEDGED;
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
