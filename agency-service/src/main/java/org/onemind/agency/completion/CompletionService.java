package org.onemind.agency.completion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onemind.agency.agency.Agency;
import org.onemind.agency.agency.AgencyService;
import org.onemind.agency.compliance.ComplianceStatus;
import org.onemind.agency.credential.CredentialService;
import org.onemind.agency.credential.OpenBadgeCredential;
import org.onemind.agency.events.AgencyEvents;
import org.onemind.agency.history.HistoryLog;
import org.onemind.agency.partnership.PartnershipService;
import org.onemind.agency.pledge.Pledge;
import org.onemind.agency.pledge.PledgeService;
import org.onemind.agency.policy.Policy;
import org.onemind.agency.policy.PolicyComponent;
import org.onemind.platform.contract.ComplianceTopic;
import org.onemind.platform.contract.DeadlineStatus;
import org.onemind.platform.contract.PledgeStatus;
import org.onemind.platform.contract.Practice;
import org.onemind.platform.events.EventPayloads;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Caller;

@ApplicationScoped
public class CompletionService {
    @Inject
    AgencyService agencies;

    @Inject
    PledgeService pledges;

    @Inject
    PartnershipService partnerships;

    @Inject
    AgencyEvents events;

    @Inject
    HistoryLog history;

    @Inject
    Caller caller;

    @Inject
    CredentialService credentials;

    @Inject
    org.onemind.agency.directory.PublicUrls urls;

    public CompletionLetter draft(UUID agencyId) {
        Agency agency = agencies.find(agencyId);
        Pledge pledge = pledges.active(agencyId);
        ComplianceTopic.Practices practices = requireEligible(agencyId).practices();
        Policy policy = Policy.findById(agencyId);
        ComplianceTopic.MhfaResult mhfa = practices.mhfa();
        ComplianceTopic.CitResult cit = practices.cit();
        return new CompletionLetter(
                agency.name,
                agency.city,
                agency.state,
                pledge.pledgedOn,
                LocalDate.now(),
                mhfa.swornTrained() + mhfa.selectedNonSwornTrained(),
                mhfa.sworn() + mhfa.selectedNonSworn(),
                cit.swornTrained(),
                cit.required(),
                partnerships.active(agencyId).stream()
                        .map(p -> new CompletionLetter.Partner(p.organizationName(), p.mouSignedOn()))
                        .toList(),
                policy == null ? "(no policy recorded)" : policy.title,
                policy == null ? LocalDate.now() : policy.adoptedOn,
                policy == null
                        ? List.of()
                        : policy.components.stream().map(PolicyComponent::label).toList(),
                urls.badge(agencyId),
                urls.verification());
    }

    @Transactional
    public Completion submit(UUID agencyId, CompletionRequests.SubmitCompletion request) {
        agencies.find(agencyId);
        Pledge pledge = pledges.active(agencyId);
        if (pledge.status != PledgeStatus.PLEDGED) {
            throw ApiException.conflict(
                    "completion-not-open",
                    "the pledge is " + pledge.status + "; a completion can be submitted only while it is PLEDGED");
        }
        requireEligible(agencyId);
        Completion completion = new Completion();
        completion.id = UUID.randomUUID();
        completion.agencyId = agencyId;
        completion.pledgeId = pledge.id;
        completion.submittedOn = LocalDate.now();
        completion.signerName = request.signerName().trim();
        completion.signerRank = request.signerRank().trim();
        completion.letterDocument = request.letterDocument();
        completion.status = CompletionStatus.SUBMITTED;
        completion.createdAt = Instant.now();
        completion.persist();
        Map<String, Object> before = snapshot(pledge);
        pledge.status = PledgeStatus.COMPLETION_SUBMITTED;
        history.record(
                agencyId,
                "completion.submitted",
                before,
                Map.of("pledge", snapshot(pledge), "completion", CompletionResponse.of(completion)));
        events.completionSubmitted(completion);
        return completion;
    }

    @Transactional
    public Completion review(UUID agencyId, CompletionRequests.ReviewCompletion request) {
        Completion completion = latest(
                agencyId,
                CompletionStatus.SUBMITTED,
                "nothing-to-review",
                "has no submitted completion waiting for review");
        if (request.decision() == CompletionStatus.REJECTED
                && (request.reason() == null || request.reason().isBlank())) {
            throw ApiException.invalid("reason", "a rejection must say why");
        }
        if (request.decision() == CompletionStatus.SUBMITTED || request.decision() == CompletionStatus.REVERSED) {
            throw ApiException.invalid("decision", "must be VERIFIED or REJECTED");
        }
        Pledge pledge = Pledge.findById(completion.pledgeId);
        Map<String, Object> before = snapshot(pledge);
        decide(completion, request.decision(), request.reason());
        if (request.decision() == CompletionStatus.VERIFIED) {
            pledge.status = PledgeStatus.COMPLETED;
            pledge.completedOn = completion.reviewedOn;
            pledge.deadlineStatus = DeadlineStatus.COMPLETED;
            Agency agency = agencies.find(agencyId);
            credentials.issue(
                    completion.id,
                    new OpenBadgeCredential.Recipient(agency.id, agency.name, agency.city, agency.state),
                    pledge.completedOn);
        } else {
            pledge.status = PledgeStatus.PLEDGED;
            pledges.refreshDeadlineStatus(agencyId);
        }
        history.record(
                agencyId,
                "completion.reviewed",
                before,
                Map.of("pledge", snapshot(pledge), "completion", CompletionResponse.of(completion)));
        events.completionReviewed(completion, pledge);
        return completion;
    }

    /**
     * Reverses the verification of the agency's completion (a review found it was wrong): the pledge is
     * open again, the credential is revoked (its verification answers revoked), everyone is told.
     */
    @Transactional
    public Completion reverse(UUID agencyId, CompletionRequests.ReverseCompletion request) {
        Completion completion = latest(
                agencyId, CompletionStatus.VERIFIED, "nothing-to-reverse", "has no verified completion to reverse");
        Pledge pledge = Pledge.findById(completion.pledgeId);
        Map<String, Object> before = snapshot(pledge);
        decide(completion, CompletionStatus.REVERSED, request.reason());
        pledge.status = PledgeStatus.PLEDGED;
        pledge.completedOn = null;
        pledges.refreshDeadlineStatus(agencyId);
        credentials.revoke(completion.id, request.reason());
        history.record(
                agencyId,
                "completion.reversed",
                before,
                Map.of("pledge", snapshot(pledge), "completion", CompletionResponse.of(completion)));
        events.completionReviewed(completion, pledge);
        return completion;
    }

    /** The agency's latest completion, which must be in {@code status}; else 409 {@code slug}. */
    private Completion latest(UUID agencyId, CompletionStatus status, String slug, String otherwise) {
        agencies.find(agencyId);
        return Completion.latestOf(agencyId)
                .filter(c -> c.status == status)
                .orElseThrow(() -> ApiException.conflict(slug, "agency " + agencyId + " " + otherwise));
    }

    /** Campaign staff's decision on the completion: what, why, when and who. */
    private void decide(Completion completion, CompletionStatus status, String reason) {
        completion.status = status;
        completion.reviewReason = reason;
        completion.reviewedOn = LocalDate.now();
        completion.reviewedBy = caller.name();
    }

    /** The last evaluation compliance-service published; refuses with the unmet practices unless eligible. */
    ComplianceTopic.ComplianceEvaluated requireEligible(UUID agencyId) {
        ComplianceStatus status = ComplianceStatus.findById(agencyId);
        if (status == null) {
            throw ApiException.conflict(
                            "not-eligible",
                            "compliance has not evaluated this agency yet; "
                                    + "all four practices must be met before completion")
                    .with("unmetPractices", unmet(null));
        }
        ComplianceTopic.ComplianceEvaluated evaluation =
                EventPayloads.readStored(status.evaluation, ComplianceTopic.COMPLIANCE_EVALUATED);
        if (!status.eligible) {
            List<Map<String, Object>> unmet = unmet(evaluation.practices());
            throw ApiException.conflict(
                            "not-eligible",
                            "the agency is not eligible to submit completion: "
                                    + String.join(
                                            ", ",
                                            unmet.stream()
                                                    .map(u -> (String) u.get("practice"))
                                                    .toList()) + " not met")
                    .with("unmetPractices", unmet);
        }
        return evaluation;
    }

    static List<Map<String, Object>> unmet(ComplianceTopic.Practices practices) {
        List<Map<String, Object>> unmet = new ArrayList<>();
        for (Practice practice : Practice.values()) {
            if (practices == null || !practices.met(practice)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("practice", practice.name());
                String reason = practices == null ? null : practices.reason(practice);
                entry.put("reason", reason == null ? "not met" : reason);
                unmet.add(entry);
            }
        }
        return unmet;
    }

    private static Map<String, Object> snapshot(Pledge pledge) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", pledge.status);
        snapshot.put("completedOn", pledge.completedOn);
        return snapshot;
    }
}
