package org.onemind.training.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** Whether a partner organization has an active partnership with an agency (from agency.events). */
@ApplicationScoped
public class PartnerScope implements org.onemind.platform.security.Partnerships {

    @Inject
    EntityManager em;

    @Override
    public boolean active(UUID agencyId, UUID organizationId) {
        return !em.createNativeQuery(
                        "select 1 from partner_scope where agency_id = ?1 and organization_id = ?2 and active")
                .setParameter(1, agencyId)
                .setParameter(2, organizationId)
                .getResultList()
                .isEmpty();
    }
}
