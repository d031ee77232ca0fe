package org.onemind.agency.completion;

public enum CompletionStatus {
    SUBMITTED,
    VERIFIED,
    REJECTED
}
