package org.onemind.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The spans of the event chain past the HTTP request (OpenTelemetry messaging conventions): the
 * outbox relay's {@code publish} (child of the span that wrote the row), a consumer's
 * {@code process} (child of the publish that sent the record), work coalesced from several events
 * (linked to each), and the sending of an email or a webhook message (child of the consumer).
 */
@ApplicationScoped
public class EventSpans {
    public static final AttributeKey<String> AGENCY_ID = AttributeKey.stringKey("onemind.agency.id");
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    static final AttributeKey<Long> CAUSES = AttributeKey.longKey("onemind.coalesced.events");

    @Inject
    Tracer tracer;

    /** The relay sending an outbox row; its traceparent goes in the record's header. */
    public Span publish(String topic, String eventId, String eventType, String subject, String traceparent) {
        return tracer.spanBuilder(topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(Traces.parentFrom(traceparent))
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "send")
                .setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_TYPE, eventType)
                .setAttribute(AGENCY_ID, subject)
                .startSpan();
    }

    /** A consumer applying one event, in the trace of the record's traceparent. */
    public Span process(
            String consumer, String topic, String eventId, String eventType, String subject, String traceparent) {
        return tracer.spanBuilder(topic + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(Traces.parentFrom(traceparent))
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, topic)
                .setAttribute(CONSUMER_GROUP, consumer)
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_TYPE, eventType)
                .setAttribute(AGENCY_ID, subject)
                .startSpan();
    }

    /**
     * Work that several events ask for and that is done once (an agency's evaluation after all its
     * certifications of a batch): the child of its only cause, or, when several fan in, a trace of
     * its own with a link to each cause.
     */
    public Span coalesced(String name, List<SpanContext> causes) {
        SpanBuilder builder =
                tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL).setAttribute(CAUSES, (long) causes.size());
        if (causes.size() == 1) {
            builder.setParent(io.opentelemetry.context.Context.root().with(Span.wrap(causes.get(0))));
        } else {
            builder.setNoParent();
            causes.forEach(builder::addLink);
        }
        return builder.startSpan();
    }

    /** Sending something (an email, a webhook message) on behalf of the event whose trace it carries. */
    public Span send(String name, String traceparent, String agencyId) {
        SpanBuilder builder =
                tracer.spanBuilder(name).setSpanKind(SpanKind.CLIENT).setParent(Traces.parentFrom(traceparent));
        if (agencyId != null) {
            builder.setAttribute(AGENCY_ID, agencyId);
        }
        return builder.startSpan();
    }

    public static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        span.recordException(failure);
    }
}
