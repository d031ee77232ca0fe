package org.onemind.compliance.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onemind.platform.contract.Practice;

/**
 * Properties that must hold for any roster and any set of certifications, checked over 300 random
 * agencies per property (fixed seeds, so a failure names a seed that reproduces it).
 * jqwik would be the natural tool, but its engine is built for JUnit Platform 1 and Quarkus 3.33
 * brings JUnit Platform 6, so the generator is written here.
 */
class ComplianceInvariantsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static LongStream seeds() {
        return LongStream.range(1, 301);
    }

    record Agency(List<AgencyFacts.Person> people, List<AgencyFacts.Certification> certifications) {
        AgencyFacts facts() {
            return new AgencyFacts(
                    UUID.randomUUID(),
                    null,
                    new AgencyFacts.Pledge(TODAY.minusYears(1), TODAY.plusYears(1), true, false),
                    List.of(new AgencyFacts.Partnership(UUID.randomUUID(), true, TODAY.minusYears(1), null)),
                    new AgencyFacts.Policy("Policy", TODAY.minusYears(1)),
                    people,
                    certifications);
        }
    }

    static Agency randomAgency(Random random) {
        List<AgencyFacts.Person> people = new ArrayList<>();
        int size = random.nextInt(40);
        for (int i = 0; i < size; i++) {
            boolean sworn = random.nextInt(4) > 0;
            LocalDate separated = random.nextInt(6) == 0 ? TODAY.minusDays(random.nextInt(400) - 200) : null;
            people.add(
                    new AgencyFacts.Person(UUID.randomUUID(), sworn, !sworn && random.nextBoolean(), null, separated));
        }
        List<AgencyFacts.Certification> certifications = new ArrayList<>();
        for (AgencyFacts.Person person : people) {
            int count = random.nextInt(3);
            for (int i = 0; i < count; i++) {
                certifications.add(randomCertification(random, person.personnelId()));
            }
        }
        return new Agency(people, certifications);
    }

    static AgencyFacts.Certification randomCertification(Random random, UUID person) {
        LocalDate completed = TODAY.minusDays(random.nextInt(1500) - 100);
        LocalDate expires = random.nextBoolean() ? completed.plusMonths(36) : null;
        int kind = random.nextInt(3);
        return new AgencyFacts.Certification(
                UUID.randomUUID(),
                person,
                kind != 1,
                kind != 0,
                completed,
                expires,
                random.nextInt(10) == 0,
                random.nextBoolean());
    }

    static RuleEdition edition(Random random) {
        return random.nextBoolean() ? RuleEdition.E2016 : RuleEdition.E2024;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addingACurrentCertificationNeverMakesAPracticeUnmet(long seed) {
        Random random = new Random(seed);
        Agency agency = randomAgency(random);
        if (agency.people().isEmpty()) {
            return;
        }
        RuleEdition edition = edition(random);
        Evaluation before = ComplianceRules.evaluate(agency.facts(), TODAY, edition);
        AgencyFacts.Person someone =
                agency.people().get(random.nextInt(agency.people().size()));
        List<AgencyFacts.Certification> more = new ArrayList<>(agency.certifications());
        more.add(new AgencyFacts.Certification(
                UUID.randomUUID(),
                someone.personnelId(),
                random.nextBoolean(),
                random.nextBoolean(),
                TODAY.minusDays(random.nextInt(300)),
                null,
                false,
                true));
        Evaluation after = ComplianceRules.evaluate(new Agency(agency.people(), more).facts(), TODAY, edition);
        for (Practice practice : Practice.values()) {
            assertFalse(before.met(practice) && !after.met(practice), practice + " became unmet, seed " + seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void separatingAnUntrainedOfficerNeverMakesMhfaUnmet(long seed) {
        Random random = new Random(seed);
        Agency agency = randomAgency(random);
        RuleEdition edition = edition(random);
        UUID untrained = UUID.randomUUID();
        List<AgencyFacts.Person> people = new ArrayList<>(agency.people());
        people.add(new AgencyFacts.Person(untrained, true, false, null, null));
        Evaluation before =
                ComplianceRules.evaluate(new Agency(people, agency.certifications()).facts(), TODAY, edition);
        people.set(
                people.size() - 1,
                new AgencyFacts.Person(untrained, true, false, null, TODAY.minusDays(random.nextInt(30))));
        Evaluation after =
                ComplianceRules.evaluate(new Agency(people, agency.certifications()).facts(), TODAY, edition);
        assertFalse(before.mhfa().met() && !after.mhfa().met(), "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theRequiredCitCountNeverExceedsTheSwornCount(long seed) {
        Random random = new Random(seed);
        Agency agency = randomAgency(random);
        Evaluation evaluation = ComplianceRules.evaluate(agency.facts(), TODAY, edition(random));
        assertTrue(evaluation.cit().required() <= evaluation.cit().sworn(), "seed " + seed);
        assertTrue(evaluation.cit().swornTrained() <= evaluation.cit().sworn(), "seed " + seed);
    }
}
