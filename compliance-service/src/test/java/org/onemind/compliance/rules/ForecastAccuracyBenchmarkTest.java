package org.onemind.compliance.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onemind.platform.contract.ComplianceTopic.PracticePace;
import org.onemind.platform.contract.Practice;

/**
 * Prints figures and asserts nothing: how far the forecast's MHFA day falls from the day synthetic
 * agencies really meet MHFA. Each agency is simulated week by week (officers trained at a noisy rate of
 * its own, officers leaving and some replaced by untrained hires, certifications expiring three years
 * after they were earned); at a forecast day the forecast sees only what was recorded by then, and the
 * simulation runs on until the practice is met. Beside it, the same pace without the expiry step.
 * Run: ./mvnw verify -pl compliance-service -am -Pbenchmark
 */
@Tag("benchmark")
class ForecastAccuracyBenchmarkTest {
    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final int AGENCIES = 2_000;
    static final int FORECAST_WEEK = 26;

    /** One synthetic agency's whole history, and the day it really met MHFA. */
    record Simulated(AgencyFacts facts, LocalDate metOn) {}

    @Test
    void figures() {
        Random random = new Random(18);
        LocalDate forecastDay = START.plusWeeks(FORECAST_WEEK);
        List<Long> errors = new ArrayList<>();
        List<Long> naiveErrors = new ArrayList<>();
        int noProgress = 0;
        int neverMet = 0;
        int alreadyMet = 0;
        for (int n = 0; n < AGENCIES; n++) {
            Simulated agency = simulate(random, forecastDay.plusYears(8));
            if (agency.metOn() == null) {
                neverMet++;
                continue;
            }
            if (!agency.metOn().isAfter(forecastDay)) {
                alreadyMet++;
                continue;
            }
            AgencyFacts known = asRecordedBy(agency.facts(), forecastDay);
            Evaluation then = ComplianceRules.evaluate(known, forecastDay.minusWeeks(8), RuleEdition.E2016);
            CompletionForecast.Baseline baseline = new CompletionForecast.Baseline(
                    forecastDay.minusWeeks(8),
                    then.mhfa().swornTrained() + then.mhfa().selectedNonSwornTrained(),
                    then.mhfa().sworn() + then.mhfa().selectedNonSworn(),
                    then.cit().swornTrained(),
                    then.cit().required());
            CompletionForecast.Forecast forecast =
                    CompletionForecast.forecast(known, forecastDay, baseline, 8, RuleEdition.E2016);
            PracticePace mhfa = forecast.practices().stream()
                    .filter(p -> p.practice() == Practice.MHFA)
                    .findFirst()
                    .orElse(null);
            if (mhfa == null) {
                alreadyMet++; // met on the forecast day itself, between two of the simulation's weekly looks
                continue;
            }
            if (mhfa.projectedOn() == null) {
                noProgress++;
                continue;
            }
            errors.add(ChronoUnit.DAYS.between(agency.metOn(), mhfa.projectedOn()));
            // The reference: the same pace, the shortfall of today, no expiries renewed on top.
            long naiveDays = (long) Math.ceil(mhfa.shortfall() * 7 / mhfa.pacePerWeek());
            naiveErrors.add(ChronoUnit.DAYS.between(agency.metOn(), forecastDay.plusDays(naiveDays)));
        }
        System.out.printf(
                "FORECAST ACCURACY (%d synthetic agencies, forecast at week %d, MHFA): %d forecast, %d no pace,"
                        + " %d met before the forecast, %d never met in 8 years%n",
                AGENCIES, FORECAST_WEEK, errors.size(), noProgress, alreadyMet, neverMet);
        report("the forecast (expiries renewed on top)", errors);
        report("reference: same pace, no expiry step", naiveErrors);
    }

    static void report(String what, List<Long> errors) {
        long[] absolute = errors.stream().mapToLong(Math::abs).sorted().toArray();
        double bias = errors.stream().mapToLong(Long::longValue).average().orElse(0);
        long within14 = Arrays.stream(absolute).filter(e -> e <= 14).count();
        long within28 = Arrays.stream(absolute).filter(e -> e <= 28).count();
        System.out.printf(
                "  %-40s |error| median %d days, p90 %d days; mean signed %+.1f days (late +); within 2 weeks"
                        + " %.0f %%, within 4 weeks %.0f %%%n",
                what,
                absolute[absolute.length / 2],
                absolute[(int) (absolute.length * 0.9)],
                bias,
                100.0 * within14 / absolute.length,
                100.0 * within28 / absolute.length);
    }

    /**
     * An agency of 20 to 1,000 officers (skewed to small), some trained in the three years before START,
     * training at its own rate with weekly noise; 0.3 % of officers leave each week and half of them are
     * replaced by untrained hires. Runs until MHFA is met or {@code until}.
     */
    static Simulated simulate(Random random, LocalDate until) {
        int sworn = (int) Math.round(20 * Math.exp(random.nextDouble() * Math.log(50)));
        double ratePerWeek = sworn * (0.005 + random.nextDouble() * 0.03);
        List<AgencyFacts.Person> people = new ArrayList<>();
        List<AgencyFacts.Certification> certifications = new ArrayList<>();
        // Who is waiting for a class (untrained, or their certification lapsed), and each one's expiry.
        java.util.LinkedHashSet<Integer> waiting = new java.util.LinkedHashSet<>();
        java.util.Map<Integer, LocalDate> expiry = new java.util.HashMap<>();
        for (int i = 0; i < sworn; i++) {
            people.add(new AgencyFacts.Person(UUID.randomUUID(), true, false, null, null));
            if (random.nextDouble() < 0.25) {
                LocalDate earned = START.minusDays(random.nextInt(3 * 365));
                certifications.add(mhfa(people.get(i).personnelId(), earned));
                expiry.put(i, earned.plusYears(3));
            } else {
                waiting.add(i);
            }
        }
        LocalDate metOn = null;
        for (LocalDate week = START; week.isBefore(until); week = week.plusWeeks(1)) {
            int staff = people.size();
            for (int i = 0; i < staff; i++) {
                AgencyFacts.Person person = people.get(i);
                if (person.separatedOn() == null && random.nextDouble() < 0.003) {
                    people.set(i, new AgencyFacts.Person(person.personnelId(), true, false, person.hiredOn(), week));
                    waiting.remove(i);
                    if (random.nextBoolean()) {
                        people.add(new AgencyFacts.Person(UUID.randomUUID(), true, false, week, null));
                        waiting.add(people.size() - 1);
                    }
                }
            }
            int trainedThisWeek = poisson(random, ratePerWeek);
            java.util.Iterator<Integer> next = waiting.iterator();
            for (int t = 0; t < trainedThisWeek && next.hasNext(); t++) {
                int index = next.next();
                next.remove();
                certifications.add(mhfa(people.get(index).personnelId(), week));
                expiry.put(index, week.plusYears(3));
            }
            LocalDate weekEnd = week.plusDays(6);
            for (java.util.Map.Entry<Integer, LocalDate> lapse : expiry.entrySet()) {
                if (!lapse.getValue().isAfter(weekEnd)
                        && people.get(lapse.getKey()).separatedOn() == null) {
                    waiting.add(lapse.getKey()); // expired: back in the queue for a refresher
                }
            }
            expiry.values().removeIf(day -> !day.isAfter(weekEnd));
            AgencyFacts facts = facts(people, certifications);
            if (ComplianceRules.evaluate(facts, weekEnd, RuleEdition.E2016)
                    .mhfa()
                    .met()) {
                metOn = first(facts, week, weekEnd);
                break;
            }
        }
        return new Simulated(facts(people, certifications), metOn);
    }

    /** The first day of the week on which MHFA is met. */
    static LocalDate first(AgencyFacts facts, LocalDate from, LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (ComplianceRules.evaluate(facts, day, RuleEdition.E2016).mhfa().met()) {
                return day;
            }
        }
        return to;
    }

    static boolean current(List<AgencyFacts.Certification> certifications, AgencyFacts.Person person, LocalDate day) {
        return certifications.stream().anyMatch(c -> c.personnelId().equals(person.personnelId()) && c.currentOn(day));
    }

    /** What the platform knew on {@code day}: later hires, departures and certifications unrecorded. */
    static AgencyFacts asRecordedBy(AgencyFacts facts, LocalDate day) {
        List<AgencyFacts.Person> people = facts.personnel().stream()
                .filter(p -> p.hiredOn() == null || !p.hiredOn().isAfter(day))
                .map(p -> p.separatedOn() != null && p.separatedOn().isAfter(day)
                        ? new AgencyFacts.Person(p.personnelId(), true, false, p.hiredOn(), null)
                        : p)
                .toList();
        List<AgencyFacts.Certification> certifications = facts.certifications().stream()
                .filter(c -> !c.completedOn().isAfter(day))
                .toList();
        return new AgencyFacts(
                facts.agencyId(), null, facts.pledge(), facts.partnerships(), facts.policy(), people, certifications);
    }

    static AgencyFacts facts(List<AgencyFacts.Person> people, List<AgencyFacts.Certification> certifications) {
        return new AgencyFacts(
                UUID.randomUUID(),
                null,
                new AgencyFacts.Pledge(START, START.plusYears(3), true, false),
                List.of(new AgencyFacts.Partnership(UUID.randomUUID(), true, START.minusYears(1), null)),
                new AgencyFacts.Policy("Model policy", START.minusYears(1)),
                people,
                certifications);
    }

    static AgencyFacts.Certification mhfa(UUID person, LocalDate earned) {
        return new AgencyFacts.Certification(
                UUID.randomUUID(), person, true, false, earned, earned.plusYears(3), false, true);
    }

    static int poisson(Random random, double mean) {
        // Knuth for small means, a rounded normal for large ones.
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
