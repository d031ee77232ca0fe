package org.onemind.compliance.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.onemind.compliance.rules.CompletionForecast;
import org.onemind.platform.contract.ComplianceTopic.PracticePace;
import org.onemind.platform.contract.ForecastStatus;

/**
 * When a pledged agency will meet each practice it has not met, at its recent pace, against the
 * pledge's target date. {@code status} is AT_RISK when a practice is, else NO_PROGRESS when a practice
 * is, else ON_PACE (also when all are met); null, with no practices, for an agency without an active
 * pledge.
 */
public record ForecastResponse(
        UUID agencyId,
        LocalDate asOf,
        LocalDate targetCompletionOn,
        int windowWeeks,
        LocalDate paceFrom,
        ForecastStatus status,
        List<PracticePace> practices,
        List<String> assumptions) {

    /** What the figures rest on, stated with them so nobody reads a projection as a promise. */
    static final List<String> ASSUMPTIONS = List.of(
            "Days are UTC days; the forecast is as of asOf.",
            "pacePerWeek is the shortfall (people in scope still to train) closed per week from paceFrom to asOf,"
                    + " leaving out the certifications that expired then (they are counted from the calendar"
                    + " instead): new certifications count, and so do officers who left (a smaller agency needs"
                    + " fewer); trained people who left count against it.",
            "paceFrom is the start of the window (windowWeeks before asOf), or the agency's first evaluation when"
                    + " that is later; with less than a week of figures there is no pace.",
            "projectedOn assumes the same pace from asOf on and no roster change beyond separations already"
                    + " recorded; certifications that expire before that day must be renewed on top.",
            "neededPerWeek is the pace that would close, by targetCompletionOn, the shortfall that day would have"
                    + " with no further training.",
            "A partnership or a policy is met in one step: its projectedOn is a recorded future start (an MOU's,"
                    + " a policy's), and without one it is NO_PROGRESS.",
            "ON_PACE: met on or before targetCompletionOn; AT_RISK: met after it (projectedOn null when more"
                    + " than 20 years away); NO_PROGRESS: no pace (the shortfall did not shrink, or no history).",
            "The agency's status is AT_RISK when a practice is, else NO_PROGRESS when a practice is, else ON_PACE.");

    static ForecastResponse of(UUID agencyId, LocalDate today, int windowWeeks, CompletionForecast.Forecast forecast) {
        if (forecast == null) {
            return new ForecastResponse(agencyId, today, null, windowWeeks, null, null, List.of(), ASSUMPTIONS);
        }
        return new ForecastResponse(
                agencyId,
                forecast.asOf(),
                forecast.targetCompletionOn(),
                forecast.windowWeeks(),
                forecast.paceFrom(),
                forecast.status(),
                forecast.practices(),
                ASSUMPTIONS);
    }
}
