package org.onemind.platform.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The topic {@code agency.events}: agency-service publishes it; its event types and their data (EVENTS.md). */
public final class AgencyTopic {
    public static final String TOPIC = "agency.events";

    public static final EventType<AgencyDescribed> AGENCY_REGISTERED =
            type("onemind.agency.agency-registered.v1", AgencyDescribed.class);
    public static final EventType<AgencyDescribed> AGENCY_UPDATED =
            type("onemind.agency.agency-updated.v1", AgencyDescribed.class);
    public static final EventType<PledgeTaken> PLEDGE_TAKEN = type("onemind.agency.pledge-taken.v1", PledgeTaken.class);
    public static final EventType<PledgeWithdrawn> PLEDGE_WITHDRAWN =
            type("onemind.agency.pledge-withdrawn.v1", PledgeWithdrawn.class);
    public static final EventType<PartnershipEstablished> PARTNERSHIP_ESTABLISHED =
            type("onemind.agency.partnership-established.v1", PartnershipEstablished.class);
    public static final EventType<PartnershipEnded> PARTNERSHIP_ENDED =
            type("onemind.agency.partnership-ended.v1", PartnershipEnded.class);
    public static final EventType<PolicyAdopted> POLICY_ADOPTED =
            type("onemind.agency.policy-adopted.v1", PolicyAdopted.class);
    public static final EventType<CompletionSubmitted> COMPLETION_SUBMITTED =
            type("onemind.agency.completion-submitted.v1", CompletionSubmitted.class);
    public static final EventType<CompletionReviewed> COMPLETION_REVIEWED =
            type("onemind.agency.completion-reviewed.v1", CompletionReviewed.class);
    public static final EventType<AccessRevoked> ACCESS_REVOKED =
            type("onemind.agency.access-revoked.v1", AccessRevoked.class);

    public static final List<EventType<?>> TYPES = List.of(
            AGENCY_REGISTERED,
            AGENCY_UPDATED,
            PLEDGE_TAKEN,
            PLEDGE_WITHDRAWN,
            PARTNERSHIP_ESTABLISHED,
            PARTNERSHIP_ENDED,
            POLICY_ADOPTED,
            COMPLETION_SUBMITTED,
            COMPLETION_REVIEWED,
            ACCESS_REVOKED);

    /** An agency as registered or updated, with the contacts who are told about it. */
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

    public record Contact(UUID contactId, String name, String email, String role) {}

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

    /** The decision and the pledge's status after it (completed when verified), decided by agency-service alone. */
    public record CompletionReviewed(
            UUID agencyId,
            UUID completionId,
            CompletionDecision decision,
            PledgeStatus pledgeStatus,
            String reason,
            LocalDate reviewedOn) {}

    /** A member removed or a partner client revoked: every service refuses its tokens issued until then. */
    public record AccessRevoked(String principal, Instant revokedAt, UUID agencyId, UUID organizationId) {}

    private static <T extends Record> EventType<T> type(String name, Class<T> payload) {
        return new EventType<>(TOPIC, name, payload);
    }

    private AgencyTopic() {}
}
