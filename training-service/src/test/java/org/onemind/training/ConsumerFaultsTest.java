package org.onemind.training;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.DatabaseOutage;
import org.onemind.infra.PrometheusScrape;
import org.onemind.infra.TopicProbe;
import org.onemind.training.agency.KnownAgency;

/**
 * Injects a real fault: training-service's database refuses connections (and its open connections
 * are terminated) for about ten seconds while agency events arrive. Counts events in against
 * effects out: every agency is known afterwards, each event applied once, nothing dead-lettered.
 */
@QuarkusTest
class ConsumerFaultsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aDatabaseOutageDelaysAgencyEventsButLosesAndDoublesNone() {
        TopicProbe producer = new TopicProbe(bootstrapServers);
        List<String> agencies = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        long recovered;
        try (DatabaseOutage outage = DatabaseOutage.begin(jdbcUrl)) {
            long outageStart = System.nanoTime();
            // Events keep arriving during the outage; the consumer retries the first and the rest wait in order.
            for (int i = 0; i < 30; i++) {
                String agencyId = UUID.randomUUID().toString();
                agencies.add(agencyId);
                eventIds.add(producer.sendEvent(
                        "agency.events", agencyId, "onemind.agency.agency-registered.v1", """
                        {"agencyId": "%s", "name": "Outage PD %d", "type": "SHERIFF", "city": "Macon", "state": "GA",
                         "country": "US", "declaredSworn": 5, "declaredNonSworn": 0, "contacts": []}""".formatted(agencyId, i)));
            }
            // While it retries, the health data names the stuck consumer (readiness is down with the database).
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> RestAssured.given()
                            .get("/q/health/ready")
                            .asString()
                            .contains("stuck for"));
            // The outbox relay fails too, on the database: the broker is not reported as the culprit.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> RestAssured.given()
                                    .get("/q/health/ready")
                                    .jsonPath()
                                    .getString("checks.find { it.name == 'event-outbox' }.data.lastPublishFailure")
                            != null);
            assertEquals(
                    "reachable",
                    RestAssured.given()
                            .get("/q/health/ready")
                            .jsonPath()
                            .getString("checks.find { it.name == 'event-outbox' }.data.broker"));
            // What the alerts read: retries counted, the consumer stuck, and the outbox figures unknown (NaN:
            // absent in Prometheus) while the database is away, never a stale figure.
            String metrics = RestAssured.given().get("/q/metrics").asString();
            assertTrue(
                    PrometheusScrape.sum(
                                    metrics,
                                    "onemind_consumer_retries_total",
                                    "consumer=\"training-service/agency-events\"")
                            > 0,
                    "retries are counted");
            assertTrue(
                    PrometheusScrape.sum(
                                    metrics,
                                    "onemind_consumer_stuck_seconds",
                                    "consumer=\"training-service/agency-events\"")
                            > 0,
                    "the consumer is reported stuck");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Double.isNaN(PrometheusScrape.sum(
                            RestAssured.given().get("/q/metrics").asString(), "onemind_outbox_backlog", "")));
            long remaining = Duration.ofSeconds(10).toNanos() - (System.nanoTime() - outageStart);
            await().pollDelay(Duration.ofNanos(Math.max(1, remaining))).until(() -> true);
        }
        long outageEnded = System.nanoTime();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.read(() -> KnownAgency.count(
                                "agencyId in ?1",
                                agencies.stream().map(UUID::fromString).toList())
                        == agencies.size()));
        recovered = System.nanoTime() - outageEnded;

        long applied = Db.read(() -> ((Number) KnownAgency.getEntityManager()
                        .createNativeQuery(
                                "select count(*) from processed_event where consumer = 'training-service/agency-events' and event_id in (?1)")
                        .setParameter(1, eventIds)
                        .getSingleResult())
                .longValue());
        long deadLettered = Db.read(() -> ((Number) KnownAgency.getEntityManager()
                        .createNativeQuery("select count(*) from dead_letter where event_id in (?1)")
                        .setParameter(1, eventIds)
                        .getSingleResult())
                .longValue());
        System.out.printf(
                "FAULT database refused connections ~10 s: events in %d, applied %d, duplicates %d, dead-lettered %d,"
                        + " recovered %d ms after the database returned%n",
                eventIds.size(), applied, applied - eventIds.size(), deadLettered, recovered / 1_000_000);
        assertEquals(eventIds.size(), applied, "every event applied exactly once");
        assertEquals(0, deadLettered, "a transient failure is never dead-lettered");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        !RestAssured.given().get("/q/health/ready").asString().contains("stuck for"));
    }
}
