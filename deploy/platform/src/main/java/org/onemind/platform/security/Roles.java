package org.onemind.platform.security;

/** The realm roles of ARCHITECTURE.md. */
public final class Roles {
    public static final String CAMPAIGN_ADMIN = "campaign-admin";
    public static final String AGENCY_MANAGER = "agency-manager";
    public static final String PARTNER = "partner";

    public static final String AGENCY_ID_CLAIM = "agency_id";
    public static final String PARTNER_ORG_ID_CLAIM = "partner_org_id";

    private Roles() {}
}
