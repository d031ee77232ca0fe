package org.onemind.platform.events;

/** The topic {@code agency.events} (agency-service publishes it) and its event types ({@code ce_type}, EVENTS.md). */
public final class AgencyTopic {
    public static final String TOPIC = "agency.events";

    public static final String AGENCY_REGISTERED = "onemind.agency.agency-registered.v1";
    public static final String AGENCY_UPDATED = "onemind.agency.agency-updated.v1";
    public static final String PLEDGE_TAKEN = "onemind.agency.pledge-taken.v1";
    public static final String PLEDGE_WITHDRAWN = "onemind.agency.pledge-withdrawn.v1";
    public static final String PARTNERSHIP_ESTABLISHED = "onemind.agency.partnership-established.v1";
    public static final String PARTNERSHIP_ENDED = "onemind.agency.partnership-ended.v1";
    public static final String POLICY_ADOPTED = "onemind.agency.policy-adopted.v1";
    public static final String COMPLETION_SUBMITTED = "onemind.agency.completion-submitted.v1";
    public static final String COMPLETION_REVIEWED = "onemind.agency.completion-reviewed.v1";
    public static final String ACCESS_REVOKED = "onemind.agency.access-revoked.v1";

    private AgencyTopic() {}
}
