package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.FreePorts;

/** Where ops configure a collector, the spans go there over OTLP (here OTLP/HTTP to a receiver in the test). */
@QuarkusTest
@TestProfile(TraceExportTest.WithCollector.class)
class TraceExportTest {

    /** The same on every call of the profile (Quarkus asks it more than once): OTLP/HTTP's port when free. */
    static final int COLLECTOR_PORT = FreePorts.preferred(4318);

    public static class WithCollector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.otel.exporter.otlp.traces.endpoint",
                    "http://127.0.0.1:" + COLLECTOR_PORT,
                    "quarkus.otel.exporter.otlp.traces.protocol",
                    "http/protobuf",
                    // Quarkus installs its OTLP exporter only where no SpanExporter bean is found.
                    RecordedSpans.OFF,
                    "true");
        }
    }

    @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint")
    String collectorEndpoint;

    record Export(String path, String contentType, byte[] body) {}

    @Test
    void aRequestsSpanReachesTheConfiguredCollector() throws Exception {
        List<Export> exports = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(
                new InetSocketAddress("127.0.0.1", URI.create(collectorEndpoint).getPort()), 0);
        collector.createContext("/", exchange -> {
            exports.add(new Export(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestBody().readAllBytes()));
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try {
            String trace = UUID.randomUUID().toString().replace("-", "");
            given().header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                    .get("/api/v1/directory/stats")
                    .then()
                    .statusCode(200);
            // OTLP/protobuf carries the trace id as its 16 raw bytes.
            Export export = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> exports.stream()
                                    .filter(e ->
                                            HexFormat.of().formatHex(e.body()).contains(trace))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertEquals("/v1/traces", export.path());
            assertEquals("application/x-protobuf", export.contentType());
        } finally {
            collector.stop(0);
        }
    }
}
