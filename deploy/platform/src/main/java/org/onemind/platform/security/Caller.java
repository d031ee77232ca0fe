package org.onemind.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.onemind.platform.problem.ApiException;

/**
 * Who is calling and which agencies they may see. Another agency's data answers 404, the same as
 * an agency that does not exist, so ids cannot be probed.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public boolean isCampaignAdmin() {
        return identity.hasRole(Roles.CAMPAIGN_ADMIN);
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * The name under which agency-service revokes this caller's access: {@code client:<client id>} for a
     * partner's API client, {@code user:<subject>} for a person.
     */
    public String accessPrincipal() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object client = jwt.getClaim("azp");
            return identity.hasRole(Roles.PARTNER) && client != null
                    ? AccessRevocations.client(String.valueOf(client))
                    : AccessRevocations.user(jwt.getSubject());
        }
        return AccessRevocations.user(name());
    }

    public Optional<UUID> agencyId() {
        return identity.hasRole(Roles.AGENCY_MANAGER) ? uuidClaim(Roles.AGENCY_ID_CLAIM) : Optional.empty();
    }

    public Optional<UUID> partnerOrganizationId() {
        return identity.hasRole(Roles.PARTNER) ? uuidClaim(Roles.PARTNER_ORG_ID_CLAIM) : Optional.empty();
    }

    /** Admins see every agency, managers their own; partners are not allowed here. */
    public void requireAgency(UUID agencyId) {
        requireAgency(agencyId, organizationId -> false);
    }

    /**
     * Admins see every agency, managers their own, partners the agencies for which
     * {@code partneredWith} holds (an active partnership with the partner's organization).
     */
    public void requireAgency(UUID agencyId, Predicate<UUID> partneredWith) {
        if (isCampaignAdmin()) {
            return;
        }
        if (agencyId().filter(agencyId::equals).isPresent()) {
            return;
        }
        if (partnerOrganizationId().filter(partneredWith).isPresent()) {
            return;
        }
        throw ApiException.notFound("agency", agencyId);
    }

    private Optional<UUID> uuidClaim(String name) {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(name) : null;
        if (claim == null) {
            claim = identity.getAttribute(name);
        }
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim instanceof jakarta.json.JsonString js ? js.getString() : claim.toString();
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
