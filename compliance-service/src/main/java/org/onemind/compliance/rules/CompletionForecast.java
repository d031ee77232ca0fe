package org.onemind.compliance.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.onemind.platform.contract.ComplianceTopic.PracticePace;
import org.onemind.platform.contract.ForecastStatus;
import org.onemind.platform.contract.Practice;

/**
 * When a pledged agency will meet each practice it has not met, at its recent pace (RULES.md says
 * what met means; this says when). Pure: the same facts, baseline and day give the same forecast.
 *
 * <p>For MHFA and CIT the pace is the shortfall (people in scope still to train) closed per week over
 * the window: new certifications count, and so do officers leaving (a shrinking agency needs fewer),
 * while certifications that expired or people trained who left count against it. The projection asks the
 * rules how large the shortfall will be on the projected day with no further training, so
 * certifications that expire before then must be renewed on top (and the day moves out until it
 * holds). A partnership or a policy is met by one step: its day is a signed MOU's or an adopted
 * policy's start date when one is recorded for the future, and there is no pace otherwise.
 */
public final class CompletionForecast {

    /** A projection further out than this is reported without a day (the pace is too slow to mean one). */
    static final int HORIZON_DAYS = 20 * 365;

    /** The agency's training figures on the first day of the window (from its kept evaluations). */
    public record Baseline(LocalDate on, int mhfaTrained, int mhfaRequired, int citTrained, int citRequired) {}

    /**
     * The forecast of a pledged agency; {@code status} is AT_RISK when a practice is, else NO_PROGRESS when a
     * practice is, else ON_PACE (also when every practice is met).
     */
    public record Forecast(
            LocalDate asOf,
            LocalDate targetCompletionOn,
            int windowWeeks,
            LocalDate paceFrom,
            ForecastStatus status,
            List<PracticePace> practices) {}

    private CompletionForecast() {}

    /**
     * @param baseline the figures at the start of the window, or of the agency's first evaluation when it is
     *     younger than the window; null when there is none
     * @return null when the agency has no active pledge (nothing to forecast against)
     */
    public static Forecast forecast(
            AgencyFacts facts, LocalDate today, Baseline baseline, int windowWeeks, RuleEdition edition) {
        if (facts.pledge() == null || !facts.pledge().active() || facts.pledge().targetCompletionOn() == null) {
            return null;
        }
        LocalDate target = facts.pledge().targetCompletionOn();
        Evaluation now = ComplianceRules.evaluate(facts, today, edition);
        // A pace needs a week of figures: less than that says more about one roster upload than a trend.
        Baseline usable = baseline != null && ChronoUnit.DAYS.between(baseline.on(), today) >= 7 ? baseline : null;
        List<PracticePace> practices = new ArrayList<>();
        if (!now.partnership().met()) {
            practices.add(step(Practice.PARTNERSHIP, nextPartnershipStart(facts, today), target));
        }
        if (!now.policy().met()) {
            LocalDate adopted = facts.policy() == null ? null : facts.policy().adoptedOn();
            practices.add(step(Practice.POLICY, adopted != null && adopted.isAfter(today) ? adopted : null, target));
        }
        for (Practice practice : List.of(Practice.MHFA, Practice.CIT)) {
            if (!now.met(practice)) {
                practices.add(training(practice, facts, now, today, usable, target, edition));
            }
        }
        ForecastStatus worst = ForecastStatus.ON_PACE;
        for (PracticePace pace : practices) {
            if (rank(pace.status()) > rank(worst)) {
                worst = pace.status();
            }
        }
        return new Forecast(
                today, target, windowWeeks, usable == null ? null : usable.on(), worst, List.copyOf(practices));
    }

    /**
     * A projected miss outranks an unknown: AT_RISK is a finding (the deadline will be missed at this pace),
     * NO_PROGRESS often only the absence of one (no history yet, a step not yet taken).
     */
    private static int rank(ForecastStatus status) {
        return switch (status) {
            case ON_PACE -> 0;
            case NO_PROGRESS -> 1;
            case AT_RISK -> 2;
        };
    }

    private static PracticePace step(Practice practice, LocalDate startsOn, LocalDate target) {
        if (startsOn == null) {
            return new PracticePace(practice, ForecastStatus.NO_PROGRESS, null, null, null, null);
        }
        return new PracticePace(practice, statusOf(startsOn, target), null, null, null, startsOn);
    }

    private static LocalDate nextPartnershipStart(AgencyFacts facts, LocalDate today) {
        LocalDate next = null;
        for (AgencyFacts.Partnership p : facts.partnerships()) {
            boolean future = p.mentalHealthProvider() && p.mouSignedOn().isAfter(today);
            boolean lasts = p.endedOn() == null || p.endedOn().isAfter(p.mouSignedOn());
            if (future && lasts && (next == null || p.mouSignedOn().isBefore(next))) {
                next = p.mouSignedOn();
            }
        }
        return next;
    }

    private static PracticePace training(
            Practice practice,
            AgencyFacts facts,
            Evaluation now,
            LocalDate today,
            Baseline baseline,
            LocalDate target,
            RuleEdition edition) {
        int shortfall = shortfall(practice, now);
        Double needed = neededPerWeek(practice, facts, today, target, edition);
        if (baseline == null || shortfall == 0) {
            // No history to measure, or nobody to train while unmet (no sworn officers on the roster).
            return new PracticePace(practice, ForecastStatus.NO_PROGRESS, shortfall, null, needed, null);
        }
        int shortfallThen = practice == Practice.MHFA
                ? Math.max(0, baseline.mhfaRequired() - baseline.mhfaTrained())
                : Math.max(0, baseline.citRequired() - baseline.citTrained());
        double weeks = ChronoUnit.DAYS.between(baseline.on(), today) / 7.0;
        // Expiries are counted below from the calendar; those of the window are taken out of its pace, or
        // they would be counted twice (measured synthetic agencies were forecast ~3 months late otherwise).
        double pace = (shortfallThen - shortfall + lapsed(practice, facts, baseline.on(), today, edition)) / weeks;
        double shown = round(pace);
        if (pace <= 0) {
            return new PracticePace(practice, ForecastStatus.NO_PROGRESS, shortfall, shown, needed, null);
        }
        // The day the remaining shortfall is closed; the shortfall then (certifications expired meanwhile
        // must be renewed) may push it out, so iterate until the day holds.
        long days = daysToClose(shortfall, pace);
        for (int i = 0; i < 10 && days <= HORIZON_DAYS; i++) {
            int then = shortfall(practice, ComplianceRules.evaluate(facts, today.plusDays(days), edition));
            long moved = daysToClose(Math.max(then, shortfall), pace);
            if (moved <= days) {
                break;
            }
            days = moved;
        }
        if (days > HORIZON_DAYS) {
            return new PracticePace(practice, ForecastStatus.AT_RISK, shortfall, shown, needed, null);
        }
        LocalDate projected = today.plusDays(days);
        return new PracticePace(practice, statusOf(projected, target), shortfall, shown, needed, projected);
    }

    /**
     * People in scope whose certification for the practice expired after {@code from} and up to {@code to}
     * while they served, with no other current one that day: the window's expiries.
     */
    static int lapsed(Practice practice, AgencyFacts facts, LocalDate from, LocalDate to, RuleEdition edition) {
        java.util.Map<java.util.UUID, AgencyFacts.Person> inScope = new java.util.HashMap<>();
        for (AgencyFacts.Person person : facts.personnel()) {
            if (person.sworn() || practice == Practice.MHFA && person.selectedForTraining()) {
                inScope.put(person.personnelId(), person);
            }
        }
        java.util.Map<java.util.UUID, List<AgencyFacts.Certification>> held = new java.util.HashMap<>();
        for (AgencyFacts.Certification c : facts.certifications()) {
            if (inScope.containsKey(c.personnelId()) && ExpiryForecast.relevant(c, practice, edition)) {
                held.computeIfAbsent(c.personnelId(), id -> new ArrayList<>()).add(c);
            }
        }
        java.util.Set<java.util.UUID> lapsed = new java.util.HashSet<>();
        for (AgencyFacts.Certification c : facts.certifications()) {
            LocalDate expiry = c.expiresOn();
            AgencyFacts.Person holder = inScope.get(c.personnelId());
            if (expiry == null
                    || holder == null
                    || c.revoked()
                    || !ExpiryForecast.relevant(c, practice, edition)
                    || !expiry.isAfter(from)
                    || expiry.isAfter(to)
                    || !holder.activeOn(expiry)) {
                continue;
            }
            boolean covered =
                    held.get(c.personnelId()).stream().anyMatch(other -> other != c && other.currentOn(expiry));
            if (!covered) {
                lapsed.add(c.personnelId());
            }
        }
        return lapsed.size();
    }

    /** People in scope still to train for the practice on the evaluation's day. */
    static int shortfall(Practice practice, Evaluation evaluation) {
        return practice == Practice.MHFA
                ? Math.max(
                        0,
                        evaluation.mhfa().sworn()
                                + evaluation.mhfa().selectedNonSworn()
                                - evaluation.mhfa().swornTrained()
                                - evaluation.mhfa().selectedNonSwornTrained())
                : Math.max(0, evaluation.cit().required() - evaluation.cit().swornTrained());
    }

    /** The pace that closes the shortfall the target day would have with no training meanwhile. */
    private static Double neededPerWeek(
            Practice practice, AgencyFacts facts, LocalDate today, LocalDate target, RuleEdition edition) {
        long days = ChronoUnit.DAYS.between(today, target);
        if (days <= 0) {
            return null;
        }
        int atTarget = shortfall(practice, ComplianceRules.evaluate(facts, target, edition));
        return round(atTarget / (days / 7.0));
    }

    private static long daysToClose(int shortfall, double pacePerWeek) {
        return (long) Math.ceil(shortfall * 7 / pacePerWeek);
    }

    private static ForecastStatus statusOf(LocalDate metOn, LocalDate target) {
        return metOn.isAfter(target) ? ForecastStatus.AT_RISK : ForecastStatus.ON_PACE;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
