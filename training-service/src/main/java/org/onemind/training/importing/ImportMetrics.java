package org.onemind.training.importing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.onemind.platform.problem.ApiException;

/**
 * {@code onemind_imports_rows_total{kind}} (rows of files imported) and
 * {@code onemind_imports_rejected_total{kind}} (files refused with a problem: bad rows, too large),
 * for {@code kind} roster or class.
 */
@Startup
@ApplicationScoped
public class ImportMetrics {
    public static final String ROSTER = "roster";
    public static final String CLASS = "class";

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void register() {
        for (String kind : new String[] {ROSTER, CLASS}) {
            rows(kind);
            rejected(kind);
        }
    }

    /** Runs an import (its transaction committed when it returns) and counts its rows, or the refused file. */
    public <R> R count(String kind, Supplier<R> importing, ToIntFunction<R> rowsOf) {
        R report;
        try {
            report = importing.get();
        } catch (ApiException refused) {
            rejected(kind).increment();
            throw refused;
        }
        rows(kind).increment(rowsOf.applyAsInt(report));
        return report;
    }

    private Counter rows(String kind) {
        return Counter.builder("onemind.imports.rows")
                .description("Rows of CSV files imported")
                .tag("kind", kind)
                .register(registry);
    }

    private Counter rejected(String kind) {
        return Counter.builder("onemind.imports.rejected")
                .description("CSV files refused as a whole (bad rows, too large, unreadable)")
                .tag("kind", kind)
                .register(registry);
    }
}
