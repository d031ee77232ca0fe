package org.onemind.compliance.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.onemind.platform.contract.ComplianceTopic.CitResult;
import org.onemind.platform.contract.ComplianceTopic.MhfaResult;
import org.onemind.platform.contract.ComplianceTopic.PartnershipResult;
import org.onemind.platform.contract.ComplianceTopic.PolicyResult;
import org.onemind.platform.contract.ComplianceTopic.Practices;
import org.onemind.platform.contract.DeadlineStatus;
import org.onemind.platform.contract.Practice;

/** Where one agency stands on a date under one rule edition. */
public record Evaluation(
        UUID agencyId,
        LocalDate asOf,
        RuleEdition ruleEdition,
        boolean eligible,
        PartnershipResult partnership,
        PolicyResult policy,
        MhfaResult mhfa,
        CitResult cit,
        DeadlineStatus deadlineStatus,
        List<String> warnings) {

    /** The four results together, as the events and the API carry them. */
    public Practices practices() {
        return new Practices(partnership, policy, mhfa, cit);
    }

    public boolean met(Practice practice) {
        return practices().met(practice);
    }
}
