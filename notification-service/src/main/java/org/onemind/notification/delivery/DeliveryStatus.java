package org.onemind.notification.delivery;

public enum DeliveryStatus {
    /** Decided, not tried yet. */
    PENDING,
    SENT,
    /** A try failed; another follows at {@code nextAttemptAt}. */
    RETRYING,
    /** Every try failed; a campaign admin can resend it. */
    FAILED
}
