package org.onemind.compliance.timeline;

import java.time.LocalDate;

/**
 * The campaign at the end of {@code date} (UTC): the agencies evaluated by then, how many met each
 * practice and were eligible, and the training figures summed over them.
 */
public record CampaignTimelinePoint(
        LocalDate date,
        long agencies,
        long eligible,
        StepTotals partnership,
        StepTotals policy,
        TrainingTotals mhfa,
        TrainingTotals cit) {

    public record StepTotals(long agenciesMet) {}

    /** Summed over the agencies; {@code share} is trained ÷ required over them all. */
    public record TrainingTotals(long agenciesMet, long sworn, long trained, long required, double share) {}
}
