package org.onemind.compliance.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.onemind.compliance.rules.Evaluation;
import org.onemind.compliance.rules.ExpiryForecast;
import org.onemind.platform.contract.ComplianceTopic;
import org.onemind.platform.contract.DeadlineStatus;

/** An agency's compliance as API.md describes it. */
public record ComplianceResponse(
        UUID agencyId,
        Instant evaluatedAt,
        LocalDate asOf,
        String ruleEdition,
        boolean eligible,
        ComplianceTopic.Practices practices,
        DeadlineStatus deadlineStatus,
        List<String> warnings) {

    static ComplianceResponse of(Evaluation evaluation, Instant evaluatedAt, List<ExpiryForecast.Risk> risks) {
        List<String> warnings = new java.util.ArrayList<>(evaluation.warnings());
        for (ExpiryForecast.Risk risk : risks) {
            warnings.add(risk.count() + " " + risk.practice() + " certification(s) expire from " + risk.earliestExpiry()
                    + "; " + risk.practice() + " would become unmet on " + risk.wouldBecomeUnmetOn());
        }
        return new ComplianceResponse(
                evaluation.agencyId(),
                evaluatedAt,
                evaluation.asOf(),
                evaluation.ruleEdition().label(),
                evaluation.eligible(),
                evaluation.practices(),
                evaluation.deadlineStatus(),
                List.copyOf(warnings));
    }
}
