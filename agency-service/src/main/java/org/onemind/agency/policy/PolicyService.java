package org.onemind.agency.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.onemind.agency.agency.AgencyService;
import org.onemind.agency.events.AgencyEvents;
import org.onemind.agency.history.HistoryLog;
import org.onemind.platform.problem.ApiException;

/** An agency's policy: adopting it writes the policy, its history entry and its event in one transaction. */
@ApplicationScoped
public class PolicyService {

    @Inject
    AgencyService agencies;

    @Inject
    AgencyEvents events;

    @Inject
    HistoryLog history;

    @Transactional
    public PolicyResponse adopt(UUID agencyId, PolicyRequests.AdoptPolicy request) {
        agencies.find(agencyId);
        if (request.adoptedOn().isAfter(LocalDate.now().plusYears(1))) {
            throw ApiException.invalid("adoptedOn", "must be within a year from today");
        }
        Policy policy = Policy.findById(agencyId);
        PolicyResponse before = policy == null ? null : PolicyResponse.of(policy);
        if (policy == null) {
            policy = new Policy();
            policy.agencyId = agencyId;
        }
        policy.title = request.title().trim();
        policy.adoptedOn = request.adoptedOn();
        policy.components = List.copyOf(new LinkedHashSet<>(request.components()));
        policy.updatedAt = Instant.now();
        if (before == null) {
            policy.persist();
        }
        PolicyResponse after = PolicyResponse.of(policy);
        history.record(agencyId, "policy.adopted", before, after);
        events.policyAdopted(policy);
        return after;
    }

    public PolicyResponse get(UUID agencyId) {
        agencies.find(agencyId);
        Policy policy = Policy.findById(agencyId);
        if (policy == null) {
            throw ApiException.notFound("policy of agency", agencyId);
        }
        return PolicyResponse.of(policy);
    }
}
