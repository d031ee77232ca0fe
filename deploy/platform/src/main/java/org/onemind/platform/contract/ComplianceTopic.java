package org.onemind.platform.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The topic {@code compliance.events}: compliance-service publishes it; its event types and their data (EVENTS.md). */
public final class ComplianceTopic {
    public static final String TOPIC = "compliance.events";

    public static final EventType<ComplianceEvaluated> COMPLIANCE_EVALUATED =
            type("onemind.compliance.compliance-evaluated.v1", ComplianceEvaluated.class);
    public static final EventType<CertificationsExpiring> CERTIFICATIONS_EXPIRING =
            type("onemind.compliance.certifications-expiring.v1", CertificationsExpiring.class);

    public static final EventType<ForecastAtRisk> FORECAST_AT_RISK =
            type("onemind.compliance.forecast-at-risk.v1", ForecastAtRisk.class);

    public static final List<EventType<?>> TYPES =
            List.of(COMPLIANCE_EVALUATED, CERTIFICATIONS_EXPIRING, FORECAST_AT_RISK);

    /**
     * An agency's compliance after an evaluation that changed something: a practice's standing
     * ({@code changes}), eligibility ({@code eligibleChanged}) or only figures (both empty/false).
     */
    public record ComplianceEvaluated(
            UUID agencyId,
            Instant evaluatedAt,
            LocalDate asOf,
            String ruleEdition,
            boolean eligible,
            Practices practices,
            DeadlineStatus deadlineStatus,
            List<String> warnings,
            List<Change> changes,
            boolean eligibleChanged,
            String causationId) {

        /** A practice became met or unmet, or eligibility changed: what people are told about. */
        public boolean changedStanding() {
            return !changes.isEmpty() || eligibleChanged;
        }
    }

    /** Each practice's standing and the figures behind it (API.md, {@code practices}). */
    public record Practices(PartnershipResult partnership, PolicyResult policy, MhfaResult mhfa, CitResult cit) {
        public boolean met(Practice practice) {
            return switch (practice) {
                case PARTNERSHIP -> partnership.met();
                case POLICY -> policy.met();
                case MHFA -> mhfa.met();
                case CIT -> cit.met();
            };
        }

        /** Why the practice is not met (null when it is). */
        public String reason(Practice practice) {
            return switch (practice) {
                case PARTNERSHIP -> partnership.reason();
                case POLICY -> policy.reason();
                case MHFA -> mhfa.reason();
                case CIT -> cit.reason();
            };
        }
    }

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

    public enum Standing {
        MET,
        UNMET;

        public static Standing of(boolean met) {
            return met ? MET : UNMET;
        }
    }

    public record Change(Practice practice, Standing from, Standing to) {}

    /** Certifications of a practice expire soon enough that the practice would become unmet. */
    public record CertificationsExpiring(
            UUID agencyId, Practice practice, int count, LocalDate earliestExpiry, LocalDate wouldBecomeUnmetOn) {}

    /**
     * The agency's completion forecast turned {@link ForecastStatus#AT_RISK}: at its recent pace an unmet
     * practice is met only after the pledge's target date (announced once per agency and target date).
     */
    public record ForecastAtRisk(
            UUID agencyId,
            LocalDate asOf,
            LocalDate targetCompletionOn,
            int windowWeeks,
            List<PracticePace> practices) {}

    /**
     * One unmet practice's forecast: the people still to train ({@code shortfall}), the shortfall closed per
     * week over the window, the pace that would meet it by the target date, and the day it is met at the
     * recent pace (null when there is none).
     */
    public record PracticePace(
            Practice practice,
            ForecastStatus status,
            Integer shortfall,
            Double pacePerWeek,
            Double neededPerWeek,
            LocalDate projectedOn) {}

    private static <T extends Record> EventType<T> type(String name, Class<T> payload) {
        return new EventType<>(TOPIC, name, payload);
    }

    private ComplianceTopic() {}
}
