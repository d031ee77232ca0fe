package org.onemind.platform.security;

import java.util.UUID;

/**
 * A service that knows partnerships (from its own tables or from {@code agency.events}) provides
 * this bean, so partner callers can reach the agencies they have an active partnership with.
 */
public interface Partnerships {
    boolean active(UUID agencyId, UUID organizationId);
}
