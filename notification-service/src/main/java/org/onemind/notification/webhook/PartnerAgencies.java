package org.onemind.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.onemind.platform.security.Partnerships;
import org.onemind.platform.tx.Jdbc;

/** Which partner organizations work with which agencies, kept from agency.events. */
@ApplicationScoped
public class PartnerAgencies implements Partnerships {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void established(UUID agencyId, UUID organizationId) {
        Jdbc.update(
                em,
                "insert into partner_agency (agency_id, organization_id) values (?, ?) on conflict do nothing",
                agencyId,
                organizationId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(UUID agencyId, UUID organizationId) {
        Jdbc.update(
                em, "delete from partner_agency where agency_id = ? and organization_id = ?", agencyId, organizationId);
    }

    @Override
    public boolean active(UUID agencyId, UUID organizationId) {
        return Jdbc.first(
                        em,
                        "select 1 from partner_agency where agency_id = ? and organization_id = ?",
                        row -> true,
                        agencyId,
                        organizationId)
                .isPresent();
    }
}
