package org.onemind.training;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;
import org.onemind.training.agency.KnownAgency;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class AgencyEventsDeadLetterTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventIsStillApplied() {
        String poisonKey = UUID.randomUUID().toString();
        String agencyId = UUID.randomUUID().toString();
        try (TopicProbe dlq = new TopicProbe(bootstrapServers, "agency.events.dlq")) {
            TopicProbe producer = new TopicProbe(bootstrapServers);
            // Same key, so same partition: the good event sits right behind the poison one.
            producer.sendUnchecked("agency.events", poisonKey, "{not json", Map.of("ce_id", UUID.randomUUID().toString(),
                    "ce_type", "onemind.agency.agency-registered.v1"));
            producer.send("agency.events", poisonKey, """
                    {"agencyId": "%s", "name": "Survivor PD", "type": "SHERIFF", "city": "Macon", "state": "GA",
                     "country": "US", "declaredSworn": 5, "declaredNonSworn": 0, "contacts": []}""".formatted(agencyId),
                    TrainingApiTest.ceHeaders("onemind.agency.agency-registered.v1", agencyId));

            await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> KnownAgency.findById(UUID.fromString(agencyId)) != null));
            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.records().stream().anyMatch(r -> poisonKey.equals(r.key())));
            var dead = dlq.records().stream().filter(r -> poisonKey.equals(r.key())).toList();
            assertEquals(1, dead.size());
            assertEquals("{not json", dead.get(0).value());
            assertNotNull(TopicProbe.header(dead.get(0), "dead-letter-reason"), "the reason travels with the message");
        }
    }

    @Test
    void aRepeatedEventIsAppliedOnce() {
        String agencyId = UUID.randomUUID().toString();
        Map<String, String> headers = TrainingApiTest.ceHeaders("onemind.agency.agency-registered.v1", agencyId);
        TopicProbe producer = new TopicProbe(bootstrapServers);
        String body = """
                {"agencyId": "%s", "name": "%s", "type": "SHERIFF", "city": "Macon", "state": "GA",
                 "country": "US", "declaredSworn": 5, "declaredNonSworn": 0, "contacts": []}""";
        producer.send("agency.events", agencyId, body.formatted(agencyId, "First Name PD"), headers);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> KnownAgency.findById(UUID.fromString(agencyId)) != null));
        // The same ce_id again (a redelivery) carrying other data must change nothing.
        producer.send("agency.events", agencyId, body.formatted(agencyId, "Changed Name PD"), headers);
        String marker = UUID.randomUUID().toString();
        producer.send("agency.events", agencyId, body.formatted(marker, "Marker PD"),
                TrainingApiTest.ceHeaders("onemind.agency.agency-registered.v1", marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> KnownAgency.findById(UUID.fromString(marker)) != null));
        assertEquals("First Name PD", Db.read(() -> KnownAgency.<KnownAgency>findById(UUID.fromString(agencyId)).name));
    }
}
