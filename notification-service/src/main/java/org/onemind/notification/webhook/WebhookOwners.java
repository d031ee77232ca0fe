package org.onemind.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.onemind.platform.contract.AgencyTopic.AccessRevoked;
import org.onemind.platform.security.Roles;
import org.onemind.platform.tx.Jdbc;

/** A subscription lives with its maker's access: a removed manager's or a revoked partner client's are disabled. */
@ApplicationScoped
public class WebhookOwners {

    @Inject
    EntityManager em;

    @Inject
    WebhookFanOut fanOut;

    @Transactional(Transactional.TxType.MANDATORY)
    public void revoked(AccessRevoked revoked) {
        int disabled = Jdbc.update(
                em,
                "update webhook_subscription set status = 'DISABLED', version = version + 1"
                        + " where owner_principal = ? and owner_role <> ? and status <> 'DISABLED'",
                revoked.principal(),
                Roles.CAMPAIGN_ADMIN);
        if (disabled > 0) {
            fanOut.subscriptionsChanged();
        }
    }
}
