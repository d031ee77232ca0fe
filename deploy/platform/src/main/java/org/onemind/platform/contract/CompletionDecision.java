package org.onemind.platform.contract;

/** What campaign staff decided about a submitted completion. */
public enum CompletionDecision {
    VERIFIED,
    REJECTED,
    /** A verification reversed later (the pledge is open again; its credential is revoked). */
    REVERSED
}
