package org.onemind.compliance.timeline;

import java.time.LocalDate;

/** The agency's figures as they stood at the end of {@code date} (UTC). */
public record AgencyTimelinePoint(
        LocalDate date,
        boolean eligible,
        StepFigures partnership,
        StepFigures policy,
        TrainingFigures mhfa,
        TrainingFigures cit) {

    /** A practice met by one step (an MOU signed, a policy adopted). */
    public record StepFigures(boolean met) {}

    /**
     * A training practice: MHFA counts everyone in scope (sworn officers and selected non-sworn staff),
     * CIT the sworn officers trained against the required 20 %; {@code share} is trained ÷ required
     * (1 or more once the count is enough).
     */
    public record TrainingFigures(boolean met, int sworn, int trained, int required, double share) {}

    static AgencyTimelinePoint of(LocalDate date, Figures figures) {
        return new AgencyTimelinePoint(
                date,
                figures.eligible(),
                new StepFigures(figures.partnershipMet()),
                new StepFigures(figures.policyMet()),
                new TrainingFigures(
                        figures.mhfaMet(),
                        figures.sworn(),
                        figures.mhfaTrained(),
                        figures.mhfaRequired(),
                        share(figures.mhfaTrained(), figures.mhfaRequired())),
                new TrainingFigures(
                        figures.citMet(),
                        figures.sworn(),
                        figures.citTrained(),
                        figures.citRequired(),
                        share(figures.citTrained(), figures.citRequired())));
    }

    /** trained ÷ required to three decimals; 0 when nothing is required (no sworn officers yet). */
    static double share(long trained, long required) {
        return required <= 0 ? 0 : Math.round(1000.0 * trained / required) / 1000.0;
    }
}
