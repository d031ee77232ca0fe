package org.onemind.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * The W3C {@code traceparent} of OpenTelemetry spans, as the outbox, Kafka records, emails and
 * webhook messages carry it. Spans themselves come from Quarkus' OpenTelemetry extension (HTTP)
 * and {@link EventSpans} (Kafka, SMTP, webhooks).
 */
public final class Traces {
    public static final String TRACEPARENT = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<String> FROM_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private Traces() {}

    /** The current span's traceparent; null when there is no valid span (no trace to continue). */
    public static String currentTraceparent() {
        return traceparentOf(Span.current().getSpanContext());
    }

    /** W3C {@code traceparent} (version 00) of a span; null for an invalid one. */
    public static String traceparentOf(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /** The context a span continues: the remote parent named by a traceparent, or a new trace when none (or an invalid one). */
    public static Context parentFrom(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), traceparent, FROM_TRACEPARENT);
    }
}
