package org.onemind.notification.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook subscription can receive, by the name a subscriber uses ({@code compliance.practice-met}). */
public enum WebhookEventType {
    COMPLIANCE_PRACTICE_MET("compliance.practice-met", "A practice of the agency became met"),
    COMPLIANCE_PRACTICE_UNMET("compliance.practice-unmet", "A practice of the agency is no longer met, with why"),
    COMPLIANCE_ELIGIBLE("compliance.eligible", "The agency meets all four practices and may submit its completion"),
    PLEDGE_TAKEN("pledge.taken", "The agency took its pledge"),
    PLEDGE_WITHDRAWN("pledge.withdrawn", "The agency withdrew its pledge"),
    PLEDGE_COMPLETED("pledge.completed", "The campaign verified the agency's completion"),
    CERTIFICATION_RECORDED("certification.recorded", "Certifications of the agency's people were recorded");

    public final String wireName;
    public final String description;

    WebhookEventType(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public static Optional<WebhookEventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
