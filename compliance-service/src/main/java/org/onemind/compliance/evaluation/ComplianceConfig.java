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

    /** When the nightly re-evaluation and expiry watch run (cron, used by {@code NightlyWork}). */
    @WithDefault("0 30 0 * * ?")
    String nightlyCron();
}
