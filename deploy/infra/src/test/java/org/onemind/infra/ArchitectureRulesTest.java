package org.onemind.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.onemind.infra.fixture.rules.LeakyRule;
import org.onemind.infra.fixture.thing.GoodResource;
import org.onemind.infra.fixture.thing.GoodResponse;
import org.onemind.infra.fixture.thing.ThingResource;

/** The feature template's rules refuse code that breaks them, and pass code that keeps them. */
class ArchitectureRulesTest {

    @Test
    void aRuleThatImportsTheFrameworkIsRefused() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyRule.class);
        assertTrue(ArchitectureRules.rulesArePlainJava().evaluate(leaky).hasViolation());
    }

    @Test
    void aResponseRecordDeclaredInsideItsResourceIsRefused() {
        JavaClasses nested =
                new ClassFileImporter().importClasses(ThingResource.class, ThingResource.ThingResponse.class);
        assertTrue(ArchitectureRules.requestsAndResponsesLiveBesideTheResource()
                .evaluate(nested)
                .hasViolation());
        JavaClasses beside = new ClassFileImporter().importClasses(GoodResource.class, GoodResponse.class);
        assertFalse(ArchitectureRules.requestsAndResponsesLiveBesideTheResource()
                .evaluate(beside)
                .hasViolation());
    }
}
