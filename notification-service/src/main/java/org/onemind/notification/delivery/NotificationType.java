package org.onemind.notification.delivery;

/** The kinds of email; each contact chooses which they receive. */
public enum NotificationType {
    PLEDGE_RECEIVED,
    PRACTICE_MET,
    PRACTICE_UNMET,
    ELIGIBLE_FOR_COMPLETION,
    COMPLETION_VERIFIED,
    COMPLETION_REJECTED,
    /** The campaign reversed a verified completion: the pledge is open again and the credential revoked. */
    COMPLETION_REVERSED,
    CERTIFICATIONS_EXPIRING,
    DEADLINE_APPROACHING,
    DEADLINE_PASSED,
    /** The completion forecast turned AT_RISK: at the recent pace a practice is met after the target date. */
    FORECAST_AT_RISK,
    /** To the owner of a webhook subscription whose deliveries were given up. */
    WEBHOOK_FAILING
}
