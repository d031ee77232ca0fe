package org.onemind.compliance.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onemind.platform.contract.DeadlineStatus;

class ComplianceRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    final List<AgencyFacts.Person> people = new ArrayList<>();
    final List<AgencyFacts.Certification> certifications = new ArrayList<>();
    AgencyFacts.Pledge pledge = new AgencyFacts.Pledge(LocalDate.of(2025, 6, 1), LocalDate.of(2027, 6, 1), true, false);

    UUID officer() {
        return person(true, false, null);
    }

    UUID person(boolean sworn, boolean selected, LocalDate separatedOn) {
        UUID id = UUID.randomUUID();
        people.add(new AgencyFacts.Person(id, sworn, selected, null, separatedOn));
        return id;
    }

    void cit(UUID person) {
        certify(person, false, true, LocalDate.of(2025, 1, 10), null, false);
    }

    void mhfa(UUID person) {
        certify(person, true, false, LocalDate.of(2025, 1, 10), LocalDate.of(2028, 1, 10), false);
    }

    void certify(UUID person, boolean mhfa, boolean cit, LocalDate completed, LocalDate expires, boolean revoked) {
        certifications.add(
                new AgencyFacts.Certification(UUID.randomUUID(), person, mhfa, cit, completed, expires, revoked, true));
    }

    Evaluation evaluate(LocalDate on, RuleEdition edition) {
        return ComplianceRules.evaluate(
                new AgencyFacts(
                        UUID.randomUUID(),
                        null,
                        pledge,
                        List.of(new AgencyFacts.Partnership(UUID.randomUUID(), true, LocalDate.of(2025, 7, 1), null)),
                        new AgencyFacts.Policy("Response to persons in crisis", LocalDate.of(2025, 8, 1)),
                        people,
                        certifications),
                on,
                edition);
    }

    Evaluation evaluate() {
        return evaluate(TODAY, RuleEdition.E2016);
    }

    @ParameterizedTest(name = "{0} sworn officers need {1} with CIT")
    @CsvSource({"100, 20", "42, 9", "5, 1", "1, 1", "4, 1", "6, 2", "0, 0"})
    void citRequiresTheCeilingOfTwentyPercent(int sworn, int required) {
        assertEquals(required, ComplianceRules.requiredCit(sworn));
    }

    @Test
    void citIsMetAtExactlyTheRequiredCount() {
        List<UUID> officers = new ArrayList<>();
        for (int i = 0; i < 42; i++) {
            officers.add(officer());
        }
        officers.subList(0, 8).forEach(this::cit);
        Evaluation eight = evaluate();
        assertFalse(eight.cit().met());
        assertEquals(
                "9 sworn officers with current CIT required, 8 current",
                eight.cit().reason());
        cit(officers.get(8));
        Evaluation nine = evaluate();
        assertTrue(nine.cit().met());
        assertEquals(9, nine.cit().required());
        assertEquals(9, nine.cit().swornTrained());
    }

    @Test
    void noSwornOfficersMeansNeitherTrainingPracticeIsMetAndSaysWhy() {
        Evaluation evaluation = evaluate();
        assertFalse(evaluation.cit().met());
        assertFalse(evaluation.mhfa().met());
        assertEquals("no active sworn officers on the roster", evaluation.cit().reason());
        assertFalse(evaluation.eligible());
    }

    @Test
    void nonSwornCitIsReportedButNeverCounts() {
        for (int i = 0; i < 5; i++) {
            officer();
        }
        UUID dispatcher = person(false, true, null);
        cit(dispatcher);
        Evaluation evaluation = evaluate();
        assertFalse(evaluation.cit().met());
        assertEquals(0, evaluation.cit().swornTrained());
        assertEquals(1, evaluation.cit().nonSwornTrained());
    }

    @Test
    void mhfaCoversEverySwornOfficerAndTheSelectedNonSwornStaff() {
        UUID a = officer();
        UUID b = officer();
        UUID dispatcher = person(false, true, null);
        person(false, false, null); // not selected: out of scope
        mhfa(a);
        mhfa(b);
        Evaluation withoutDispatcher = evaluate();
        assertFalse(withoutDispatcher.mhfa().met());
        assertEquals(1, withoutDispatcher.mhfa().selectedNonSworn());
        mhfa(dispatcher);
        Evaluation all = evaluate();
        assertTrue(all.mhfa().met());
        assertEquals(2, all.mhfa().swornTrained());
        assertEquals(1, all.mhfa().selectedNonSwornTrained());
    }

    @Test
    void separatedPersonnelLeaveTheCountsFromTheirSeparationDate() {
        UUID trained = officer();
        mhfa(trained);
        person(true, false, TODAY); // untrained, separated today
        assertTrue(evaluate().mhfa().met());
        assertFalse(evaluate(TODAY.minusDays(1), RuleEdition.E2016).mhfa().met());
    }

    @Test
    void aCertificationStopsCountingOnItsExpiryDate() {
        UUID officer = officer();
        certify(officer, true, false, LocalDate.of(2023, 6, 1), TODAY, false);
        assertFalse(evaluate().mhfa().met(), "expired on the exact day");
        assertTrue(evaluate(TODAY.minusDays(1), RuleEdition.E2016).mhfa().met(), "current the day before");
    }

    @Test
    void aRevokedCertificationNeverCounts() {
        UUID officer = officer();
        certify(officer, true, false, LocalDate.of(2025, 6, 1), null, true);
        assertFalse(evaluate().mhfa().met());
    }

    @Test
    void aCertificationCountsOnlyFromItsCompletionDate() {
        UUID officer = officer();
        certify(officer, true, false, TODAY.plusDays(1), null, false);
        assertFalse(evaluate().mhfa().met());
    }

    @Test
    void aCourseInBothCategoriesCountsForBoth() {
        UUID officer = officer();
        certify(officer, true, true, LocalDate.of(2025, 6, 1), null, false);
        Evaluation evaluation = evaluate();
        assertTrue(evaluation.mhfa().met());
        assertTrue(evaluation.cit().met());
        assertTrue(evaluation.eligible());
    }

    @Test
    void the2024EditionLetsCitCoverMhfaForSwornOfficersOnly() {
        UUID citOfficer = officer();
        UUID mhfaOfficer = officer();
        cit(citOfficer);
        mhfa(mhfaOfficer);
        assertFalse(evaluate(TODAY, RuleEdition.E2016).mhfa().met());
        Evaluation edition2024 = evaluate(TODAY, RuleEdition.E2024);
        assertTrue(edition2024.mhfa().met());
        assertEquals(RuleEdition.E2024, edition2024.ruleEdition());

        UUID dispatcher = person(false, true, null);
        cit(dispatcher);
        assertFalse(evaluate(TODAY, RuleEdition.E2024).mhfa().met(), "non-sworn CIT does not cover MHFA");
    }

    @Test
    void eligibilityNeedsAllFourPracticesAndAnActivePledge() {
        UUID officer = officer();
        certify(officer, true, true, LocalDate.of(2025, 6, 1), null, false);
        assertTrue(evaluate().eligible());
        pledge = new AgencyFacts.Pledge(LocalDate.of(2025, 6, 1), LocalDate.of(2027, 6, 1), false, false);
        assertFalse(evaluate().eligible(), "a withdrawn pledge is not eligible");
    }

    @Test
    void deadlineStatusFollowsTheTargetDate() {
        pledge = new AgencyFacts.Pledge(LocalDate.of(2025, 6, 1), TODAY.plusDays(90), true, false);
        assertEquals(DeadlineStatus.DUE_SOON, evaluate().deadlineStatus());
        pledge = new AgencyFacts.Pledge(LocalDate.of(2025, 6, 1), TODAY.plusDays(91), true, false);
        assertEquals(DeadlineStatus.ON_TRACK, evaluate().deadlineStatus());
        pledge = new AgencyFacts.Pledge(LocalDate.of(2024, 6, 1), TODAY.minusDays(1), true, false);
        assertEquals(DeadlineStatus.OVERDUE, evaluate().deadlineStatus());
        pledge = new AgencyFacts.Pledge(LocalDate.of(2024, 6, 1), TODAY.minusDays(1), false, true);
        assertEquals(DeadlineStatus.COMPLETED, evaluate().deadlineStatus());
    }

    @Test
    void anEndedPartnershipOrANonProviderDoesNotCount() {
        AgencyFacts facts = new AgencyFacts(
                UUID.randomUUID(),
                null,
                pledge,
                List.of(
                        new AgencyFacts.Partnership(UUID.randomUUID(), true, LocalDate.of(2025, 1, 1), TODAY),
                        new AgencyFacts.Partnership(UUID.randomUUID(), false, LocalDate.of(2025, 1, 1), null)),
                null,
                List.of(),
                List.of());
        Evaluation evaluation = ComplianceRules.evaluate(facts, TODAY, RuleEdition.E2016);
        assertFalse(evaluation.partnership().met());
        assertTrue(ComplianceRules.evaluate(facts, TODAY.minusDays(1), RuleEdition.E2016)
                .partnership()
                .met());
    }
}
