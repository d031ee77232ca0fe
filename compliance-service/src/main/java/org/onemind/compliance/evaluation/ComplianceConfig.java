package org.onemind.compliance.evaluation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "onemind.compliance")
public interface ComplianceConfig {

    /** {@code 2016} or {@code 2024} (RULES.md, "Rule editions"). */
    @WithDefault("2016")
    String ruleEdition();
}
