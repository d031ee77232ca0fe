package org.onemind.compliance.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Where one agency stands on a date under one rule edition. */
public record Evaluation(
        UUID agencyId,
        LocalDate asOf,
        RuleEdition ruleEdition,
        boolean eligible,
        PartnershipResult partnership,
        PolicyResult policy,
        MhfaResult mhfa,
        CitResult cit,
        DeadlineStatus deadlineStatus,
        List<String> warnings) {

    public record PartnershipResult(boolean met, int activePartnerships, String reason) {}

    public record PolicyResult(boolean met, String title, LocalDate adoptedOn, String reason) {}

    public record MhfaResult(
            boolean met,
            int sworn,
            int swornTrained,
            int selectedNonSworn,
            int selectedNonSwornTrained,
            Integer inPersonPercent,
            String reason) {}

    public record CitResult(
            boolean met, int sworn, int swornTrained, int required, int nonSwornTrained, String reason) {}

    public boolean met(Practice practice) {
        return switch (practice) {
            case PARTNERSHIP -> partnership.met();
            case POLICY -> policy.met();
            case MHFA -> mhfa.met();
            case CIT -> cit.met();
        };
    }
}
