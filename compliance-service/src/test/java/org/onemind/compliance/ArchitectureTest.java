package org.onemind.compliance;

import org.junit.jupiter.api.Test;
import org.onemind.infra.ArchitectureRules;

/** The feature template of CONTRIBUTING.md, as far as a machine can check it. */
class ArchitectureTest {
    @Test
    void followsTheFeatureTemplate() {
        ArchitectureRules.check("compliance");
    }
}
