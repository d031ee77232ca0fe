package org.onemind.notification.delivery;

public enum NotificationType {
    PRACTICE_MET, PRACTICE_UNMET, ELIGIBLE_FOR_COMPLETION
}
