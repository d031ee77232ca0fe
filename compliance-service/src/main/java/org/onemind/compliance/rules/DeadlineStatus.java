package org.onemind.compliance.rules;

public enum DeadlineStatus {
    ON_TRACK,
    DUE_SOON,
    OVERDUE,
    COMPLETED,
    NOT_PLEDGED
}
