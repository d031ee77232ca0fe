package org.onemind.agency.partnership;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.onemind.platform.security.Partnerships;

/** Lets partner callers reach the agencies they have an active partnership with. */
@ApplicationScoped
public class ActivePartnerships implements Partnerships {

    @Override
    public boolean active(UUID agencyId, UUID organizationId) {
        return Partnership.active(agencyId, organizationId);
    }
}
