package org.onemind.agency.pledge;

public enum PledgeStatus {
    PLEDGED,
    COMPLETION_SUBMITTED,
    COMPLETED,
    WITHDRAWN
}
