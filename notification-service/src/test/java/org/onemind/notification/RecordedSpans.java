package org.onemind.notification;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's finished spans, kept in memory for tests (Quarkus exports to every SpanExporter bean). */
@ApplicationScoped
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter recordedSpans() {
        return InMemorySpanExporter.create();
    }
}
