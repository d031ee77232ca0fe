package org.onemind.agency.completion;

public enum CompletionStatus {
    SUBMITTED,
    VERIFIED,
    REJECTED,
    /** A verification the campaign reversed: the pledge is open again and its credential revoked. */
    REVERSED
}
