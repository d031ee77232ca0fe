package org.onemind.agency.events;

import static org.onemind.platform.events.AgencyTopic.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.onemind.agency.agency.Agency;
import org.onemind.agency.completion.Completion;
import org.onemind.agency.organization.Organization;
import org.onemind.agency.partnership.Partnership;
import org.onemind.agency.pledge.Pledge;
import org.onemind.agency.policy.Policy;
import org.onemind.platform.outbox.Outbox;

/** The events of {@code agency.events} (EVENTS.md), written through the outbox, keyed by agency. */
@ApplicationScoped
public class AgencyEvents {
    public static final String ACCESS_REVOKED = org.onemind.platform.security.AccessRevocations.EVENT_TYPE;

    @Inject
    Outbox outbox;

    public record Contact(UUID contactId, String name, String email, String role) {}

    public record AgencyDescribed(
            UUID agencyId,
            String name,
            String type,
            String city,
            String state,
            String country,
            int declaredSworn,
            int declaredNonSworn,
            List<Contact> contacts) {}

    public record PledgeTaken(UUID agencyId, UUID pledgeId, LocalDate pledgedOn, LocalDate targetCompletionOn) {}

    public record PledgeWithdrawn(UUID agencyId, UUID pledgeId, LocalDate withdrawnOn, String reason) {}

    public record PartnershipEstablished(
            UUID agencyId,
            UUID partnershipId,
            UUID organizationId,
            String organizationName,
            String organizationKind,
            LocalDate mouSignedOn) {}

    public record PartnershipEnded(UUID agencyId, UUID partnershipId, UUID organizationId, LocalDate endedOn) {}

    public record PolicyAdopted(UUID agencyId, String title, LocalDate adoptedOn, List<String> components) {}

    public record CompletionSubmitted(
            UUID agencyId, UUID completionId, LocalDate submittedOn, String signerName, String signerRank) {}

    public record CompletionReviewed(
            UUID agencyId, UUID completionId, String decision, String reason, LocalDate reviewedOn) {}

    public record AccessRevoked(String principal, java.time.Instant revokedAt, UUID agencyId, UUID organizationId) {}

    /** Access taken away now; keyed by the agency (a member) or the organization (a partner client). */
    public void accessRevoked(String principal, java.time.Instant revokedAt, UUID agencyId, UUID organizationId) {
        UUID key = agencyId != null ? agencyId : organizationId;
        outbox.publish(
                TOPIC,
                key.toString(),
                ACCESS_REVOKED,
                key.toString(),
                new AccessRevoked(principal, revokedAt, agencyId, organizationId));
    }

    public void agencyRegistered(Agency agency) {
        publish(agency.id, AGENCY_REGISTERED, describe(agency));
    }

    public void agencyUpdated(Agency agency) {
        publish(agency.id, AGENCY_UPDATED, describe(agency));
    }

    private static AgencyDescribed describe(Agency agency) {
        List<Contact> contacts = agency.contacts.stream()
                .map(c -> new Contact(c.id, c.name, c.email, c.role))
                .toList();
        return new AgencyDescribed(
                agency.id,
                agency.name,
                agency.type.name(),
                agency.city,
                agency.state,
                agency.country,
                agency.declaredSworn,
                agency.declaredNonSworn,
                contacts);
    }

    public void pledgeTaken(Pledge pledge) {
        publish(
                pledge.agencyId,
                PLEDGE_TAKEN,
                new PledgeTaken(pledge.agencyId, pledge.id, pledge.pledgedOn, pledge.targetCompletionOn));
    }

    public void pledgeWithdrawn(Pledge pledge) {
        publish(
                pledge.agencyId,
                PLEDGE_WITHDRAWN,
                new PledgeWithdrawn(pledge.agencyId, pledge.id, pledge.withdrawnOn, pledge.withdrawalReason));
    }

    public void partnershipEstablished(Partnership partnership, Organization organization) {
        publish(
                partnership.agencyId,
                PARTNERSHIP_ESTABLISHED,
                new PartnershipEstablished(
                        partnership.agencyId,
                        partnership.id,
                        organization.id,
                        organization.name,
                        organization.kind.name(),
                        partnership.mouSignedOn));
    }

    public void partnershipEnded(Partnership partnership) {
        publish(
                partnership.agencyId,
                PARTNERSHIP_ENDED,
                new PartnershipEnded(
                        partnership.agencyId, partnership.id, partnership.organizationId, partnership.endedOn));
    }

    public void policyAdopted(Policy policy) {
        publish(
                policy.agencyId,
                POLICY_ADOPTED,
                new PolicyAdopted(
                        policy.agencyId,
                        policy.title,
                        policy.adoptedOn,
                        policy.components.stream().map(Enum::name).toList()));
    }

    public void completionSubmitted(Completion completion) {
        publish(
                completion.agencyId,
                COMPLETION_SUBMITTED,
                new CompletionSubmitted(
                        completion.agencyId,
                        completion.id,
                        completion.submittedOn,
                        completion.signerName,
                        completion.signerRank));
    }

    public void completionReviewed(Completion completion) {
        publish(
                completion.agencyId,
                COMPLETION_REVIEWED,
                new CompletionReviewed(
                        completion.agencyId,
                        completion.id,
                        completion.status.name(),
                        completion.reviewReason,
                        completion.reviewedOn));
    }

    private void publish(UUID agencyId, String type, Object data) {
        outbox.publish(TOPIC, agencyId.toString(), type, agencyId.toString(), data);
    }
}
