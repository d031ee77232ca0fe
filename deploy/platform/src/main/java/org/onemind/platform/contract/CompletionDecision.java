package org.onemind.platform.contract;

/** What campaign staff decided about a submitted completion. */
public enum CompletionDecision {
    VERIFIED,
    REJECTED
}
