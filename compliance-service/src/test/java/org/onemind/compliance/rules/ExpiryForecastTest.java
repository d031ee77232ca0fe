package org.onemind.compliance.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onemind.platform.contract.Practice;

class ExpiryForecastTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    final List<AgencyFacts.Person> people = new ArrayList<>();
    final List<AgencyFacts.Certification> certifications = new ArrayList<>();

    UUID officer() {
        UUID id = UUID.randomUUID();
        people.add(new AgencyFacts.Person(id, true, false, null, null));
        return id;
    }

    void cit(UUID person, LocalDate expires) {
        certifications.add(new AgencyFacts.Certification(
                UUID.randomUUID(), person, false, true, LocalDate.of(2025, 1, 1), expires, false, true));
    }

    List<ExpiryForecast.Risk> forecast(int days) {
        return ExpiryForecast.forecast(
                new AgencyFacts(UUID.randomUUID(), null, null, List.of(), null, people, certifications),
                TODAY,
                days,
                RuleEdition.E2016);
    }

    @Test
    void expiriesThatWouldDropCitBelowTheRequiredCountAreForeseen() {
        for (int i = 0; i < 10; i++) {
            officer();
        }
        UUID a = people.get(0).personnelId();
        UUID b = people.get(1).personnelId();
        UUID c = people.get(2).personnelId();
        cit(a, TODAY.plusDays(30));
        cit(b, TODAY.plusDays(60));
        cit(c, null); // 2 required of 10: one can expire without harm, the second cannot
        List<ExpiryForecast.Risk> risks = forecast(90);
        assertEquals(1, risks.size());
        ExpiryForecast.Risk risk = risks.get(0);
        assertEquals(Practice.CIT, risk.practice());
        assertEquals(TODAY.plusDays(60), risk.wouldBecomeUnmetOn());
        assertEquals(2, risk.count());
        assertEquals(TODAY.plusDays(30), risk.earliestExpiry());
    }

    @Test
    void nothingIsForeseenBeyondTheWindowOrForAnUnmetPractice() {
        UUID a = officer();
        cit(a, TODAY.plusDays(120));
        assertTrue(forecast(90).isEmpty());
        assertEquals(1, forecast(120).size());
        officer(); // now 2 sworn, 1 required: still met
        officer();
        officer();
        officer();
        officer(); // 6 sworn: 2 required, CIT unmet already
        assertTrue(forecast(365).isEmpty());
    }
}
