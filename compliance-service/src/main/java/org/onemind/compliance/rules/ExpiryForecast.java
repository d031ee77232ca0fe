package org.onemind.compliance.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.onemind.platform.contract.Practice;

/**
 * Which certifications, by expiring, would turn a practice that is met today into one that is not:
 * the practice, how many of its certifications expire until then, the earliest expiry, and the
 * first day it would be unmet.
 */
public final class ExpiryForecast {

    public record Risk(
            Practice practice,
            int count,
            LocalDate earliestExpiry,
            LocalDate wouldBecomeUnmetOn,
            List<UUID> certificationIds) {}

    private ExpiryForecast() {}

    public static List<Risk> forecast(AgencyFacts facts, LocalDate today, int withinDays, RuleEdition edition) {
        Evaluation now = ComplianceRules.evaluate(facts, today, edition);
        LocalDate horizon = today.plusDays(withinDays);
        List<Risk> risks = new ArrayList<>();
        for (Practice practice : List.of(Practice.MHFA, Practice.CIT)) {
            if (!now.met(practice)) {
                continue;
            }
            TreeSet<LocalDate> expiries = new TreeSet<>();
            for (AgencyFacts.Certification c : facts.certifications()) {
                if (relevant(c, practice, edition)
                        && c.currentOn(today)
                        && c.expiresOn() != null
                        && !c.expiresOn().isAfter(horizon)) {
                    expiries.add(c.expiresOn());
                }
            }
            for (LocalDate day : expiries) {
                if (!ComplianceRules.evaluate(facts, day, edition).met(practice)) {
                    List<UUID> expiring = new ArrayList<>();
                    LocalDate earliest = null;
                    for (AgencyFacts.Certification c : facts.certifications()) {
                        if (relevant(c, practice, edition)
                                && c.currentOn(today)
                                && c.expiresOn() != null
                                && !c.expiresOn().isAfter(day)) {
                            expiring.add(c.certificationId());
                            earliest = earliest == null || c.expiresOn().isBefore(earliest) ? c.expiresOn() : earliest;
                        }
                    }
                    risks.add(new Risk(practice, expiring.size(), earliest, day, List.copyOf(expiring)));
                    break;
                }
            }
        }
        return risks;
    }

    /** Whether the certification counts for the practice under the edition (a 2024 CIT counts for MHFA too). */
    static boolean relevant(AgencyFacts.Certification c, Practice practice, RuleEdition edition) {
        return practice == Practice.CIT ? c.cit() : c.mhfa() || edition == RuleEdition.E2024 && c.cit();
    }
}
