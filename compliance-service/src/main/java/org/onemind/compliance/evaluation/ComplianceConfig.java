package org.onemind.compliance.evaluation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "onemind.compliance")
public interface ComplianceConfig {

    /** {@code 2016} or {@code 2024} (RULES.md, "Rule editions"). */
    @WithDefault("2016")
    String ruleEdition();

    /** How far ahead expiries are watched (RULES.md: 90 days). */
    @WithDefault("90")
    int expiryWarningDays();

    /** The recent weeks over which an agency's pace is measured for its completion forecast. */
    @WithDefault("8")
    int forecastWindowWeeks();

    /** When the nightly re-evaluation and expiry watch run (cron, used by {@code NightlyReevaluation}). */
    @WithDefault("0 30 0 * * ?")
    String nightlyCron();

    /** Re-evaluations of many agencies ({@code RebuildService}). */
    Reevaluation reevaluation();

    interface Reevaluation {
        /** Agencies per chunk; each agency is evaluated in its own transaction, progress is recorded per chunk. */
        @WithDefault("200")
        int chunkSize();

        /** A job whose replica has not reported for this long is resumed by another. */
        @WithDefault("PT1M")
        java.time.Duration staleAfter();

        /** How often each replica looks for jobs to resume. */
        @WithDefault("5s")
        String pollInterval();
    }
}
