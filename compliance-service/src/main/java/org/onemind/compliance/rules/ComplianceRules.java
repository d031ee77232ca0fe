package org.onemind.compliance.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.onemind.platform.contract.ComplianceTopic.CitResult;
import org.onemind.platform.contract.ComplianceTopic.MhfaResult;
import org.onemind.platform.contract.ComplianceTopic.PartnershipResult;
import org.onemind.platform.contract.ComplianceTopic.PolicyResult;
import org.onemind.platform.contract.DeadlineStatus;
import org.onemind.platform.contract.PledgeStatus;

/** The pledge's four practices (RULES.md), evaluated on a date. Pure: same facts, same answer. */
public final class ComplianceRules {

    private ComplianceRules() {}

    /** ceil(20 % of active sworn officers), in integers: 100 → 20, 42 → 9, 5 → 1, 0 → 0. */
    public static int requiredCit(int activeSworn) {
        return (activeSworn + 4) / 5;
    }

    public static Evaluation evaluate(AgencyFacts facts, LocalDate asOf, RuleEdition edition) {
        PartnershipResult partnership = partnership(facts, asOf);
        PolicyResult policy = policy(facts, asOf);

        Set<UUID> mhfaCurrent = new HashSet<>();
        Set<UUID> citCurrent = new HashSet<>();
        int mhfaInPerson = 0;
        int mhfaCounted = 0;
        for (AgencyFacts.Certification c : facts.certifications()) {
            if (!c.currentOn(asOf)) {
                continue;
            }
            if (c.mhfa() && mhfaCurrent.add(c.personnelId())) {
                mhfaCounted++;
                if (c.inPerson()) {
                    mhfaInPerson++;
                }
            }
            if (c.cit()) {
                citCurrent.add(c.personnelId());
            }
        }

        int sworn = 0;
        int swornMhfa = 0;
        int selected = 0;
        int selectedMhfa = 0;
        int swornCit = 0;
        int nonSwornCit = 0;
        for (AgencyFacts.Person person : facts.personnel()) {
            if (!person.activeOn(asOf)) {
                continue;
            }
            boolean hasCit = citCurrent.contains(person.personnelId());
            boolean hasMhfa = mhfaCurrent.contains(person.personnelId())
                    || edition == RuleEdition.E2024 && person.sworn() && hasCit;
            if (person.sworn()) {
                sworn++;
                if (hasMhfa) {
                    swornMhfa++;
                }
                if (hasCit) {
                    swornCit++;
                }
            } else {
                if (hasCit) {
                    nonSwornCit++;
                }
                if (person.selectedForTraining()) {
                    selected++;
                    if (hasMhfa) {
                        selectedMhfa++;
                    }
                }
            }
        }

        Integer inPersonPercent = mhfaCounted == 0 ? null : Math.round(100f * mhfaInPerson / mhfaCounted);
        MhfaResult mhfa = mhfa(sworn, swornMhfa, selected, selectedMhfa, inPersonPercent);
        CitResult cit = cit(sworn, swornCit, nonSwornCit);

        boolean pledgeActive = facts.pledge() != null && facts.pledge().active();
        boolean eligible = pledgeActive && partnership.met() && policy.met() && mhfa.met() && cit.met();
        List<String> warnings = new ArrayList<>();
        if (facts.declaredSworn() != null && facts.declaredSworn() != sworn) {
            warnings.add(
                    "the roster has " + sworn + " active sworn officers; the agency declared " + facts.declaredSworn());
        }
        return new Evaluation(
                facts.agencyId(),
                asOf,
                edition,
                eligible,
                partnership,
                policy,
                mhfa,
                cit,
                deadlineStatus(facts.pledge(), eligible, asOf),
                List.copyOf(warnings));
    }

    private static PartnershipResult partnership(AgencyFacts facts, LocalDate asOf) {
        int active = (int)
                facts.partnerships().stream().filter(p -> p.activeOn(asOf)).count();
        return new PartnershipResult(
                active > 0, active, active > 0 ? null : "no active partnership with a mental health provider");
    }

    private static PolicyResult policy(AgencyFacts facts, LocalDate asOf) {
        AgencyFacts.Policy policy = facts.policy();
        if (policy == null) {
            return new PolicyResult(false, null, null, "no policy adopted");
        }
        boolean met = !policy.adoptedOn().isAfter(asOf);
        return new PolicyResult(
                met,
                policy.title(),
                policy.adoptedOn(),
                met ? null : "the policy takes effect on " + policy.adoptedOn());
    }

    private static MhfaResult mhfa(
            int sworn, int swornTrained, int selected, int selectedTrained, Integer inPersonPercent) {
        String reason = null;
        boolean met = sworn > 0 && swornTrained == sworn && selectedTrained == selected;
        if (sworn == 0) {
            reason = "no active sworn officers on the roster";
        } else if (!met) {
            int missing = (sworn - swornTrained) + (selected - selectedTrained);
            reason = missing + " of " + (sworn + selected) + " people in scope lack a current MHFA certification";
        }
        return new MhfaResult(met, sworn, swornTrained, selected, selectedTrained, inPersonPercent, reason);
    }

    private static CitResult cit(int sworn, int swornTrained, int nonSwornTrained) {
        int required = requiredCit(sworn);
        boolean met = sworn > 0 && swornTrained >= required;
        String reason = null;
        if (sworn == 0) {
            reason = "no active sworn officers on the roster";
        } else if (!met) {
            reason = required + " sworn officers with current CIT required, " + swornTrained + " current";
        }
        return new CitResult(met, sworn, swornTrained, required, nonSwornTrained, reason);
    }

    static DeadlineStatus deadlineStatus(AgencyFacts.Pledge pledge, boolean eligible, LocalDate asOf) {
        PledgeStatus status = pledge == null
                ? null
                : pledge.completed()
                        ? PledgeStatus.COMPLETED
                        : pledge.active() ? PledgeStatus.PLEDGED : PledgeStatus.WITHDRAWN;
        return DeadlineStatus.of(status, pledge == null ? null : pledge.targetCompletionOn(), eligible, asOf);
    }
}
