package org.onemind.agency.events;

import static org.onemind.platform.contract.AgencyTopic.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.onemind.agency.agency.Agency;
import org.onemind.agency.completion.Completion;
import org.onemind.agency.organization.Organization;
import org.onemind.agency.partnership.Partnership;
import org.onemind.agency.pledge.Pledge;
import org.onemind.agency.policy.Policy;
import org.onemind.platform.contract.CompletionDecision;
import org.onemind.platform.contract.EventType;
import org.onemind.platform.outbox.Outbox;

/** The events of {@code agency.events} (EVENTS.md), written through the outbox, keyed by agency. */
@ApplicationScoped
public class AgencyEvents {
    @Inject
    Outbox outbox;

    /** Access taken away now; keyed by the agency (a member) or the organization (a partner client). */
    public void accessRevoked(String principal, java.time.Instant revokedAt, UUID agencyId, UUID organizationId) {
        UUID key = agencyId != null ? agencyId : organizationId;
        outbox.publish(
                ACCESS_REVOKED,
                key.toString(),
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

    /** The pledge's status after the review travels with it: consumers do not decide it again. */
    public void completionReviewed(Completion completion, Pledge pledge) {
        publish(
                completion.agencyId,
                COMPLETION_REVIEWED,
                new CompletionReviewed(
                        completion.agencyId,
                        completion.id,
                        CompletionDecision.valueOf(completion.status.name()),
                        pledge.status,
                        completion.reviewReason,
                        completion.reviewedOn));
    }

    private <T extends Record> void publish(UUID agencyId, EventType<T> type, T data) {
        outbox.publish(type, agencyId.toString(), agencyId.toString(), data);
    }
}
