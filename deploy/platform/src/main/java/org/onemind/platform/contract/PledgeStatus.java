package org.onemind.platform.contract;

/** Where an agency's pledge stands (RULES.md): agency-service owns it, the others keep a copy from its events. */
public enum PledgeStatus {
    PLEDGED,
    COMPLETION_SUBMITTED,
    COMPLETED,
    WITHDRAWN;

    /** A pledge that still runs toward its target date. */
    public boolean open() {
        return this == PLEDGED || this == COMPLETION_SUBMITTED;
    }
}
