package org.onemind.compliance.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onemind.platform.contract.ComplianceTopic.PracticePace;
import org.onemind.platform.contract.ForecastStatus;
import org.onemind.platform.contract.Practice;

class CompletionForecastTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final LocalDate EIGHT_WEEKS_AGO = TODAY.minusWeeks(8);

    final List<AgencyFacts.Person> people = new ArrayList<>();
    final List<AgencyFacts.Certification> certifications = new ArrayList<>();
    final List<AgencyFacts.Partnership> partnerships = new ArrayList<>();
    AgencyFacts.Policy policy = new AgencyFacts.Policy("Model policy", LocalDate.of(2025, 1, 1));
    LocalDate target = TODAY.plusWeeks(30);

    /** {@code count} sworn officers, the first {@code trained} holding MHFA (expiring on {@code expires}). */
    List<UUID> officers(int count, int trained, LocalDate expires) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            people.add(new AgencyFacts.Person(id, true, false, null, null));
            if (i < trained) {
                certifications.add(new AgencyFacts.Certification(
                        UUID.randomUUID(), id, true, false, LocalDate.of(2025, 1, 1), expires, false, true));
            }
            ids.add(id);
        }
        return ids;
    }

    /** Gives CIT to {@code count} of the officers; everyone's CIT is enough unless a test says otherwise. */
    void cit(List<UUID> officers, int count) {
        for (int i = 0; i < count; i++) {
            certifications.add(new AgencyFacts.Certification(
                    UUID.randomUUID(), officers.get(i), false, true, LocalDate.of(2025, 1, 1), null, false, true));
        }
    }

    CompletionForecast.Forecast forecast(CompletionForecast.Baseline baseline) {
        partnerships.add(new AgencyFacts.Partnership(UUID.randomUUID(), true, LocalDate.of(2025, 1, 1), null));
        return forecastAsIs(baseline);
    }

    CompletionForecast.Forecast forecastAsIs(CompletionForecast.Baseline baseline) {
        AgencyFacts facts = new AgencyFacts(
                UUID.randomUUID(),
                null,
                new AgencyFacts.Pledge(TODAY.minusYears(1), target, true, false),
                partnerships,
                policy,
                people,
                certifications);
        return CompletionForecast.forecast(facts, TODAY, baseline, 8, RuleEdition.E2016);
    }

    static CompletionForecast.Baseline mhfaBaseline(int trained, int required) {
        return new CompletionForecast.Baseline(EIGHT_WEEKS_AGO, trained, required, 20, 20);
    }

    static PracticePace only(CompletionForecast.Forecast forecast, Practice practice) {
        return forecast.practices().stream()
                .filter(p -> p.practice() == practice)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSteadyPaceThatClosesTheShortfallBeforeTheTargetIsOnPace() {
        cit(officers(100, 60, null), 20);
        // 44 of 100 trained eight weeks ago, 60 now: 2 a week, 40 to go, 20 weeks.
        CompletionForecast.Forecast forecast = forecast(mhfaBaseline(44, 100));
        PracticePace mhfa = only(forecast, Practice.MHFA);
        assertEquals(ForecastStatus.ON_PACE, mhfa.status());
        assertEquals(40, mhfa.shortfall());
        assertEquals(2.0, mhfa.pacePerWeek());
        assertEquals(TODAY.plusWeeks(20), mhfa.projectedOn());
        assertEquals(ForecastStatus.ON_PACE, forecast.status());
        assertEquals(
                List.of(Practice.MHFA),
                forecast.practices().stream().map(PracticePace::practice).toList());
        assertEquals(EIGHT_WEEKS_AGO, forecast.paceFrom());
    }

    @Test
    void theSamePaceAgainstANearerTargetIsAtRiskAndSaysThePaceNeeded() {
        target = TODAY.plusWeeks(10);
        cit(officers(100, 60, null), 20);
        PracticePace mhfa = only(forecast(mhfaBaseline(44, 100)), Practice.MHFA);
        assertEquals(ForecastStatus.AT_RISK, mhfa.status());
        assertEquals(TODAY.plusWeeks(20), mhfa.projectedOn());
        assertEquals(4.0, mhfa.neededPerWeek(), "40 people in 10 weeks");
    }

    @Test
    void anAgencyThatShrinksClosesItsShortfallWithoutTrainingAnyone() {
        // 100 officers eight weeks ago with 60 trained; 20 untrained officers have left since.
        List<UUID> officers = officers(80, 60, null);
        cit(officers, 16);
        PracticePace mhfa = only(forecast(mhfaBaseline(60, 100)), Practice.MHFA);
        assertEquals(20, mhfa.shortfall());
        assertEquals(2.5, mhfa.pacePerWeek(), "the shortfall fell from 40 to 20 in 8 weeks");
        assertEquals(TODAY.plusWeeks(8), mhfa.projectedOn());
        assertEquals(ForecastStatus.ON_PACE, mhfa.status());
    }

    @Test
    void certificationsThatExpireBeforeTheProjectedDayMustBeRenewedOnTop() {
        target = TODAY.plusWeeks(6);
        // 100 officers: 84 current MHFA that last, 6 more that expire in 3 weeks; 10 untrained.
        List<UUID> officers = officers(100, 84, null);
        cit(officers, 20);
        for (int i = 84; i < 90; i++) {
            certifications.add(new AgencyFacts.Certification(
                    UUID.randomUUID(),
                    officers.get(i),
                    true,
                    false,
                    LocalDate.of(2025, 1, 1),
                    TODAY.plusWeeks(3),
                    false,
                    true));
        }
        // 26 short eight weeks ago, 10 now: 2 a week. Without the expiries: 5 weeks, before the target.
        CompletionForecast.Forecast forecast = forecast(mhfaBaseline(74, 100));
        PracticePace mhfa = only(forecast, Practice.MHFA);
        assertEquals(10, mhfa.shortfall());
        assertEquals(2.0, mhfa.pacePerWeek());
        assertEquals(TODAY.plusWeeks(8), mhfa.projectedOn(), "16 to train at 2 a week once 6 have expired");
        assertEquals(ForecastStatus.AT_RISK, mhfa.status());
        assertEquals(2.7, mhfa.neededPerWeek(), "16 short on the target day, 6 weeks away");
        assertEquals(ForecastStatus.AT_RISK, forecast.status());
    }

    @Test
    void expiriesWithinTheWindowAreLeftOutOfThePaceSoTheyAreNotCountedTwice() {
        // 76 trained now, 10 whose MHFA expired four weeks ago, 14 never trained: 24 short.
        List<UUID> officers = officers(100, 76, null);
        cit(officers, 20);
        for (int i = 76; i < 86; i++) {
            certifications.add(new AgencyFacts.Certification(
                    UUID.randomUUID(),
                    officers.get(i),
                    true,
                    false,
                    LocalDate.of(2023, 1, 1),
                    TODAY.minusWeeks(4),
                    false,
                    true));
        }
        // 40 short eight weeks ago: 16 closed net, but 26 trained while 10 expired; the pace is 26 / 8.
        PracticePace mhfa = only(forecast(mhfaBaseline(60, 100)), Practice.MHFA);
        assertEquals(24, mhfa.shortfall());
        assertEquals(3.3, mhfa.pacePerWeek());
        assertEquals(TODAY.plusDays(52), mhfa.projectedOn(), "24 people at 3.25 a week");
    }

    @Test
    void citPaceIsCountedAgainstTheRequiredTwentyPercent() {
        List<UUID> officers = officers(50, 50, null);
        cit(officers, 4);
        // 10 required of 50; none trained eight weeks ago, 4 now: half a person a week, 6 to go.
        PracticePace cit =
                only(forecast(new CompletionForecast.Baseline(EIGHT_WEEKS_AGO, 50, 50, 0, 10)), Practice.CIT);
        assertEquals(6, cit.shortfall());
        assertEquals(0.5, cit.pacePerWeek());
        assertEquals(TODAY.plusWeeks(12), cit.projectedOn());
    }

    @Test
    void aShortfallThatDidNotShrinkIsNoProgress() {
        cit(officers(100, 60, null), 20);
        PracticePace mhfa = only(forecast(mhfaBaseline(60, 100)), Practice.MHFA);
        assertEquals(ForecastStatus.NO_PROGRESS, mhfa.status());
        assertEquals(0.0, mhfa.pacePerWeek());
        assertNull(mhfa.projectedOn());
    }

    @Test
    void withoutHistoryOrWithLessThanAWeekOfItThereIsNoPace() {
        cit(officers(100, 60, null), 20);
        PracticePace none = only(forecast(null), Practice.MHFA);
        assertEquals(ForecastStatus.NO_PROGRESS, none.status());
        assertEquals(40, none.shortfall());
        assertNull(none.pacePerWeek());
        assertEquals(1.3, none.neededPerWeek(), "40 people in 30 weeks");
        PracticePace days =
                only(forecast(new CompletionForecast.Baseline(TODAY.minusDays(6), 0, 100, 20, 20)), Practice.MHFA);
        assertEquals(ForecastStatus.NO_PROGRESS, days.status());
    }

    @Test
    void aPolicyThatTakesEffectLaterIsProjectedOnItsDayAndAMissingPartnershipIsNoProgress() {
        policy = new AgencyFacts.Policy("Model policy", TODAY.plusWeeks(4));
        cit(officers(10, 10, null), 2);
        CompletionForecast.Forecast forecast = forecastAsIs(null);
        PracticePace policyPace = only(forecast, Practice.POLICY);
        assertEquals(ForecastStatus.ON_PACE, policyPace.status());
        assertEquals(TODAY.plusWeeks(4), policyPace.projectedOn());
        assertEquals(
                ForecastStatus.NO_PROGRESS, only(forecast, Practice.PARTNERSHIP).status());
        assertEquals(ForecastStatus.NO_PROGRESS, forecast.status(), "no practice at risk, one without progress");
        target = TODAY.plusWeeks(2);
        assertEquals(
                ForecastStatus.AT_RISK,
                forecastAsIs(null).status(),
                "a practice projected after the target outranks one without progress");
    }

    @Test
    void anAgencyWithoutAnActivePledgeHasNoForecastAndOneThatMeetsAllIsOnPace() {
        cit(officers(10, 10, null), 2);
        assertEquals(ForecastStatus.ON_PACE, forecast(null).status());
        assertEquals(List.of(), forecast(null).practices());
        AgencyFacts unpledged =
                new AgencyFacts(UUID.randomUUID(), null, null, partnerships, policy, people, certifications);
        assertNull(CompletionForecast.forecast(unpledged, TODAY, null, 8, RuleEdition.E2016));
    }
}
