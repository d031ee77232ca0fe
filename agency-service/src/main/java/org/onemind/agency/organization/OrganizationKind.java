package org.onemind.agency.organization;

public enum OrganizationKind {
    MENTAL_HEALTH_PROVIDER,
    SUPPORTING_ORGANIZATION,
    PARTNERING_ASSOCIATION
}
