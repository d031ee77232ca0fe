package org.onemind.platform.events;

/** The topic {@code compliance.events} (compliance-service publishes it) and its event types ({@code ce_type}, EVENTS.md). */
public final class ComplianceTopic {
    public static final String TOPIC = "compliance.events";

    public static final String COMPLIANCE_EVALUATED = "onemind.compliance.compliance-evaluated.v1";
    public static final String CERTIFICATIONS_EXPIRING = "onemind.compliance.certifications-expiring.v1";

    private ComplianceTopic() {}
}
