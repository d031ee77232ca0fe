package org.onemind.agency;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's finished spans, kept in memory for tests (Quarkus exports to every SpanExporter bean). */
@ApplicationScoped
public class RecordedSpans {
    /** Leaves the spans to the OTLP exporter, which Quarkus installs only where no SpanExporter bean is found (TraceExportTest). */
    static final String OFF = "onemind.test.otlp-only";

    @Produces
    @Singleton
    @io.quarkus.arc.lookup.LookupUnlessProperty(name = OFF, stringValue = "true", lookupIfMissing = true)
    InMemorySpanExporter recordedSpans() {
        return InMemorySpanExporter.create();
    }
}
