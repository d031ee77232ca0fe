package org.onemind.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSpansTest {
    final InMemorySpanExporter exported = InMemorySpanExporter.create();
    final EventSpans spans = new EventSpans();

    EventSpansTest() {
        spans.tracer = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exported))
                .build()
                .get("test");
    }

    Span processed(String traceparent) {
        Span span = spans.process("compliance-service/training-events", "training.events", "e", "t", "a", traceparent);
        span.end();
        return span;
    }

    @Test
    void workCausedByOneEventContinuesItsTrace() {
        Span event = processed("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        spans.coalesced("evaluate agency", List.of(event.getSpanContext())).end();

        SpanData batch = exported.getFinishedSpanItems().get(1);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", batch.getTraceId());
        assertEquals(event.getSpanContext().getSpanId(), batch.getParentSpanId());
    }

    @Test
    void workThatSeveralEventsFanInLinksEachOfThem() {
        SpanContext first = processed("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .getSpanContext();
        SpanContext second = processed("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .getSpanContext();
        spans.coalesced("evaluate agency", List.of(first, second)).end();

        SpanData batch = exported.getFinishedSpanItems().get(2);
        assertFalse(batch.getParentSpanContext().isValid(), "work of several traces is a trace of its own");
        assertEquals(
                List.of(first, second),
                batch.getLinks().stream().map(LinkData::getSpanContext).toList());
        assertEquals(2L, batch.getAttributes().get(EventSpans.CAUSES));
    }

    @Test
    void anEventWithoutAValidTraceparentStartsATrace() {
        processed("00-00000000000000000000000000000000-00f067aa0ba902b7-01");
        processed(null);
        exported.getFinishedSpanItems()
                .forEach(started -> assertFalse(started.getParentSpanContext().isValid()));
        assertEquals(2, exported.getFinishedSpanItems().size());
    }

    @Test
    void aTraceparentIsWrittenInW3cForm() {
        Span event = processed("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertEquals(
                "00-4bf92f3577b34da6a3ce929d0e0e4736-" + event.getSpanContext().getSpanId() + "-01",
                Traces.traceparentOf(event.getSpanContext()));
        assertNull(Traces.traceparentOf(SpanContext.getInvalid()));
    }
}
