package org.onemind.agency.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.onemind.agency.events.AgencyEvents;
import org.onemind.agency.history.HistoryLog;
import org.onemind.agency.partnership.PartnershipService;
import org.onemind.agency.pledge.DeadlineStatus;
import org.onemind.agency.pledge.Pledge;
import org.onemind.agency.pledge.PledgeService;
import org.onemind.agency.pledge.PledgeStatus;
import org.onemind.agency.policy.Policy;
import org.onemind.agency.policy.PolicyComponent;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Caller;

@ApplicationScoped
public class CompletionService {
    static final List<String> PRACTICES = List.of("partnership", "policy", "mhfa", "cit");

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
    ObjectMapper json;

    @Inject
    Caller caller;

    public CompletionLetter draft(UUID agencyId) {
        Agency agency = agencies.find(agencyId);
        Pledge pledge = pledges.active(agencyId);
        JsonNode practices = requireEligible(agencyId).path("practices");
        Policy policy = Policy.findById(agencyId);
        JsonNode mhfa = practices.path("mhfa");
        JsonNode cit = practices.path("cit");
        return new CompletionLetter(
                agency.name,
                agency.city,
                agency.state,
                pledge.pledgedOn,
                LocalDate.now(),
                mhfa.path("swornTrained").asInt()
                        + mhfa.path("selectedNonSwornTrained").asInt(),
                mhfa.path("sworn").asInt() + mhfa.path("selectedNonSworn").asInt(),
                cit.path("swornTrained").asInt(),
                cit.path("required").asInt(),
                partnerships.active(agencyId).stream()
                        .map(p -> new CompletionLetter.Partner(p.organizationName(), p.mouSignedOn()))
                        .toList(),
                policy == null ? "(no policy recorded)" : policy.title,
                policy == null ? LocalDate.now() : policy.adoptedOn,
                policy == null
                        ? List.of()
                        : policy.components.stream().map(PolicyComponent::label).toList());
    }

    @Transactional
    public Completion submit(UUID agencyId, CompletionResource.SubmitCompletion request) {
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
                Map.of("pledge", snapshot(pledge), "completion", CompletionResource.CompletionResponse.of(completion)));
        events.completionSubmitted(completion);
        return completion;
    }

    @Transactional
    public Completion review(UUID agencyId, CompletionResource.ReviewCompletion request) {
        agencies.find(agencyId);
        Completion completion = Completion.latestOf(agencyId)
                .filter(c -> c.status == CompletionStatus.SUBMITTED)
                .orElseThrow(() -> ApiException.conflict(
                        "nothing-to-review", "agency " + agencyId + " has no submitted completion waiting for review"));
        if (request.decision() == CompletionStatus.REJECTED
                && (request.reason() == null || request.reason().isBlank())) {
            throw ApiException.invalid("reason", "a rejection must say why");
        }
        if (request.decision() == CompletionStatus.SUBMITTED) {
            throw ApiException.invalid("decision", "must be VERIFIED or REJECTED");
        }
        Pledge pledge = Pledge.findById(completion.pledgeId);
        Map<String, Object> before = snapshot(pledge);
        completion.status = request.decision();
        completion.reviewReason = request.reason();
        completion.reviewedOn = LocalDate.now();
        completion.reviewedBy = caller.name();
        if (request.decision() == CompletionStatus.VERIFIED) {
            pledge.status = PledgeStatus.COMPLETED;
            pledge.completedOn = completion.reviewedOn;
            pledge.deadlineStatus = DeadlineStatus.COMPLETED;
        } else {
            pledge.status = PledgeStatus.PLEDGED;
            pledges.refreshDeadlineStatus(agencyId);
        }
        history.record(
                agencyId,
                "completion.reviewed",
                before,
                Map.of("pledge", snapshot(pledge), "completion", CompletionResource.CompletionResponse.of(completion)));
        events.completionReviewed(completion);
        return completion;
    }

    /** The last evaluation compliance-service published; refuses with the unmet practices unless eligible. */
    JsonNode requireEligible(UUID agencyId) {
        ComplianceStatus status = ComplianceStatus.findById(agencyId);
        if (status == null) {
            throw ApiException.conflict(
                            "not-eligible",
                            "compliance has not evaluated this agency yet; "
                                    + "all four practices must be met before completion")
                    .with("unmetPractices", unmet(null));
        }
        JsonNode evaluation = read(status.evaluation);
        if (!status.eligible) {
            List<Map<String, Object>> unmet = unmet(evaluation.path("practices"));
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

    static List<Map<String, Object>> unmet(JsonNode practices) {
        List<Map<String, Object>> unmet = new ArrayList<>();
        for (String practice : PRACTICES) {
            JsonNode result = practices == null ? null : practices.path(practice);
            if (result == null || !result.path("met").asBoolean()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("practice", practice.toUpperCase());
                JsonNode reason = result == null ? null : result.get("reason");
                entry.put("reason", reason == null || reason.isNull() ? "not met" : reason.asText());
                unmet.add(entry);
            }
        }
        return unmet;
    }

    private JsonNode read(String evaluation) {
        try {
            return json.readTree(evaluation);
        } catch (Exception e) {
            throw new IllegalStateException("stored evaluation is unreadable", e);
        }
    }

    private static Map<String, Object> snapshot(Pledge pledge) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", pledge.status);
        snapshot.put("completedOn", pledge.completedOn);
        return snapshot;
    }
}
