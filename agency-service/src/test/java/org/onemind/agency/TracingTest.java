package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;
import org.onemind.platform.tracing.EventSpans;

/** One trace from the caller's request through the outbox row to the Kafka record (OpenTelemetry). */
@QuarkusTest
class TracingTest {
    static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN = "00f067aa0ba902b7";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InMemorySpanExporter spans;

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void aRegistrationsTraceRunsFromTheRequestThroughTheOutboxToItsKafkaRecord() {
        String trace = CALLER_TRACE.substring(0, 24)
                + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = new TopicProbe(bootstrapServers, "agency.events")) {
            String id = given().contentType(ContentType.JSON)
                    .header("traceparent", "00-" + trace + "-" + CALLER_SPAN + "-01")
                    .body(AgencyApiTest.agencyJson("Traced City Police Department", "OH"))
                    .when()
                    .post("/api/v1/agencies")
                    .then()
                    .statusCode(201)
                    .header("traceparent", startsWith("00-" + trace + "-"))
                    .extract()
                    .path("id");

            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> probe.records().stream()
                                    .filter(r -> id.equals(r.key()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            String[] recordTrace = TopicProbe.header(record, "traceparent").split("-");
            assertEquals(trace, recordTrace[1], "the record continues the caller's trace");

            SpanData server = await().atMost(Duration.ofSeconds(10))
                    .until(() -> span(trace, SpanKind.SERVER), Optional::isPresent)
                    .orElseThrow();
            assertEquals(CALLER_SPAN, server.getParentSpanId(), "the request's span is the caller's child");
            SpanData publish = await().atMost(Duration.ofSeconds(10))
                    .until(() -> span(trace, SpanKind.PRODUCER), Optional::isPresent)
                    .orElseThrow();
            assertEquals("agency.events publish", publish.getName());
            assertEquals(server.getSpanId(), publish.getParentSpanId(), "the outbox row kept the request's span");
            assertEquals(publish.getSpanId(), recordTrace[2], "the record names the span that published it");
            assertEquals(id, publish.getAttributes().get(EventSpans.AGENCY_ID));
        }
    }

    private Optional<SpanData> span(String trace, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(trace) && span.getKind() == kind)
                .findFirst();
    }
}
