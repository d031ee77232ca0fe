package org.onemind.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;

/** A certification's trace continues through the consumer and the evaluation into the event it publishes. */
@QuarkusTest
class TracingTest {
    static final String SENDER_SPAN = "00f067aa0ba902b7";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InMemorySpanExporter spans;

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void theEvaluationACertificationCausesIsPublishedInTheCertificationsTrace() {
        String agencyId = UUID.randomUUID().toString();
        List<String> officers = ComplianceChainTest.pledgedAgencyWithOfficers(bootstrapServers, agencyId, 5);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                        .then()
                        .statusCode(200)
                        .body("practices.cit.sworn", equalTo(5)));
        String trace = UUID.randomUUID().toString().replace("-", "");
        try (TopicProbe compliance = new TopicProbe(bootstrapServers, "compliance.events")) {
            Map<String, String> headers = new java.util.HashMap<>(
                    TopicProbe.eventHeaders("onemind.training.certification-recorded.v1", agencyId));
            headers.put("traceparent", "00-" + trace + "-" + SENDER_SPAN + "-01");
            compliance.send(
                    "training.events",
                    agencyId,
                    """
                    {"agencyId": "%s", "certificationId": "%s", "personnelId": "%s",
                     "courseId": "00000000-0000-4000-8000-00000000a002", "categories": ["CIT"],
                     "completedOn": "%s", "expiresOn": null, "deliveryMode": "IN_PERSON"}""".formatted(agencyId, UUID.randomUUID(), officers.get(0), ComplianceChainTest.COMPLETED_ON),
                    headers);

            ConsumerRecord<String, String> evaluated = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> compliance.records().stream()
                                    .filter(r -> agencyId.equals(r.key()))
                                    .filter(r -> r.value().contains("\"swornTrained\":1"))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            String[] traceparent = TopicProbe.header(evaluated, "traceparent").split("-");
            assertEquals(trace, traceparent[1], "the evaluation's event continues the certification's trace");

            // From the span that published the evaluation back to the one that sent the certification.
            List<String> path = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> ancestry(traceparent[2]),
                            names -> names.get(names.size() - 1).equals(SENDER_SPAN));
            assertEquals(
                    List.of("compliance.events publish", "evaluate agency", "training.events process", SENDER_SPAN),
                    path);
            SpanData process = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(trace) && span.getKind() == SpanKind.CONSUMER)
                    .findFirst()
                    .orElseThrow();
            assertEquals(agencyId, process.getAttributes().get(org.onemind.platform.tracing.EventSpans.AGENCY_ID));
            SpanData evaluation = spans.getFinishedSpanItems().stream()
                    .filter(span ->
                            span.getTraceId().equals(trace) && span.getName().equals("evaluate agency"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(agencyId, evaluation.getAttributes().get(org.onemind.platform.tracing.EventSpans.AGENCY_ID));
        }
    }

    /** The names of a span and its recorded ancestors, ending with the id of the first parent not recorded here. */
    private List<String> ancestry(String spanId) {
        List<String> names = new ArrayList<>();
        String next = spanId;
        while (true) {
            String id = next;
            Optional<SpanData> span = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getSpanId().equals(id))
                    .findFirst();
            if (span.isEmpty()) {
                names.add(id);
                return names;
            }
            names.add(span.get().getName());
            next = span.get().getParentSpanId();
        }
    }
}
