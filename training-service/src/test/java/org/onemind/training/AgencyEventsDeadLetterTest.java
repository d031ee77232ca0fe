package org.onemind.training;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.DeadLetterSamples;
import org.onemind.infra.TestTokens;
import org.onemind.infra.TopicProbe;
import org.onemind.training.agency.KnownAgency;

@QuarkusTest
class AgencyEventsDeadLetterTest {
    private static final String DEAD_LETTERS = "/api/v1/dead-letters/training-service";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aPoisonMessageIsSetAsideWithItsReasonAndCoordinatesAndTheNextEventIsStillApplied() {
        String poisonKey = UUID.randomUUID().toString();
        String agencyId = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        try (TopicProbe dlq = new TopicProbe(bootstrapServers, "agency.events.dlq")) {
            TopicProbe producer = new TopicProbe(bootstrapServers);
            // Same key, so same partition: the good event sits right behind the poison one.
            producer.sendUnchecked(
                    "agency.events",
                    poisonKey,
                    "{not json",
                    Map.of("ce_id", poisonId, "ce_type", "onemind.agency.agency-registered.v1"));
            producer.send(
                    "agency.events",
                    poisonKey,
                    registered(agencyId, "Survivor PD"),
                    TrainingApiTest.ceHeaders("onemind.agency.agency-registered.v1", agencyId));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Db.read(() -> KnownAgency.findById(UUID.fromString(agencyId)) != null));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.records().stream().anyMatch(r -> poisonKey.equals(r.key())));
            List<ConsumerRecord<String, String>> dead = dlq.records().stream()
                    .filter(r -> poisonKey.equals(r.key()))
                    .toList();
            assertEquals(1, dead.size());
            ConsumerRecord<String, String> letter = dead.get(0);
            assertEquals("{not json", letter.value());
            assertTrue(
                    TopicProbe.header(letter, "dead-letter-reason").contains("not JSON"),
                    "the reason travels with the message");
            assertEquals("training-service", TopicProbe.header(letter, "dead-letter-consumer-group"));
            assertEquals("training-service", TopicProbe.header(letter, "dead-letter-service"));
            assertEquals("agency.events", TopicProbe.header(letter, "dead-letter-topic"));
            assertNotNull(TopicProbe.header(letter, "dead-letter-exception-class-name"));
            Long.parseLong(TopicProbe.header(letter, "dead-letter-offset"));
            Integer.parseInt(TopicProbe.header(letter, "dead-letter-partition"));
            Instant.parse(TopicProbe.header(letter, "dead-letter-time"));
            assertEquals(poisonId, TopicProbe.header(letter, "ce_id"), "the original headers are kept");
        }
        // Campaign admins see it with its reason; replaying it fails again (it is still not JSON) and it stays pending.
        String id = given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .queryParam("status", "PENDING")
                .queryParam("size", 500)
                .get(DEAD_LETTERS)
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.eventId == '%s' }.id".formatted(poisonId));
        assertNotNull(id, "the poison record is listed");
        given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .get(DEAD_LETTERS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("reason", containsString("not JSON"))
                .body("topic", equalTo("agency.events"))
                .body("status", equalTo("PENDING"));
        given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .post(DEAD_LETTERS + "/{id}/replay", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("not JSON"));
        given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .get(DEAD_LETTERS + "/{id}", id)
                .then()
                .body("status", equalTo("PENDING"))
                .body("replayAttempts", equalTo(1));
        given().auth()
                .oauth2(TestTokens.manager(UUID.randomUUID()))
                .get(DEAD_LETTERS)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .queryParam("status", "SOMETIMES")
                .get(DEAD_LETTERS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void anUnknownVersionOfAKnownEventTypeIsSetAsideNotIgnored() {
        String agencyId = UUID.randomUUID().toString();
        TopicProbe producer = new TopicProbe(bootstrapServers);
        Map<String, String> headers =
                new java.util.HashMap<>(TopicProbe.eventHeaders("onemind.agency.agency-registered.v9", agencyId));
        producer.sendUnchecked("agency.events", agencyId, registered(agencyId, "Future PD"), headers);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> deadLetters(headers.get("ce_id"))) == 1);
        given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .queryParam("size", 500)
                .get(DEAD_LETTERS)
                .then()
                .statusCode(200)
                .body(
                        "items.find { it.eventId == '%s' }.reason".formatted(headers.get("ce_id")),
                        containsString("version"));
    }

    @Test
    void aReplayedDeadLetterIsAppliedOnceAndASecondReplayChangesNothing() {
        // A dead letter set aside by an earlier version of the consumer, whose event the fixed consumer can apply.
        String agencyId = UUID.randomUUID().toString();
        Map<String, String> headers = TopicProbe.eventHeaders("onemind.agency.agency-registered.v1", agencyId);
        UUID letter = setAside(agencyId, headers, registered(agencyId, "Replayed PD"));

        given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .post(DEAD_LETTERS + "/{id}/replay", letter)
                .then()
                .statusCode(200)
                .body("status", equalTo("REPLAYED"));
        assertEquals("Replayed PD", Db.read(() -> KnownAgency.<KnownAgency>findById(UUID.fromString(agencyId)).name));
        given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .post(DEAD_LETTERS + "/{id}/replay", letter)
                .then()
                .statusCode(200)
                .body("status", equalTo("REPLAYED"))
                .body("replayAttempts", equalTo(1));

        // A dead letter whose event was applied meanwhile (sent again after a fix): replaying all changes nothing.
        String otherAgency = UUID.randomUUID().toString();
        Map<String, String> otherHeaders = TopicProbe.eventHeaders("onemind.agency.agency-registered.v1", otherAgency);
        new TopicProbe(bootstrapServers)
                .send("agency.events", otherAgency, registered(otherAgency, "Applied PD"), otherHeaders);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.read(() -> KnownAgency.findById(UUID.fromString(otherAgency)) != null));
        UUID stale = setAside(otherAgency, otherHeaders, registered(otherAgency, "Stale Name PD"));
        // (other tests' poison records stay pending: they still fail, and are reported so)
        given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .post(DEAD_LETTERS + "/replay")
                .then()
                .statusCode(200)
                .body("stillFailing.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(stale.toString())));
        given().auth()
                .oauth2(TestTokens.campaignAdmin())
                .get(DEAD_LETTERS + "/{id}", stale)
                .then()
                .body("status", equalTo("REPLAYED"));
        assertEquals(
                "Applied PD",
                Db.read(() -> KnownAgency.<KnownAgency>findById(UUID.fromString(otherAgency)).name),
                "an event already applied is not applied twice");
    }

    private static long deadLetters(String eventId) {
        return ((Number) KnownAgency.getEntityManager()
                        .createNativeQuery("select count(*) from dead_letter where event_id = ?1")
                        .setParameter(1, eventId)
                        .getSingleResult())
                .longValue();
    }

    /** Set aside by an earlier version of the consumer, for a bug since fixed. */
    private UUID setAside(String agencyId, Map<String, String> headers, String payload) {
        return DeadLetterSamples.setAside(
                jdbcUrl, "training-service", "agency-events", "agency.events", agencyId, headers, payload);
    }

    private static String registered(String agencyId, String name) {
        return """
                {"agencyId": "%s", "name": "%s", "type": "SHERIFF", "city": "Macon", "state": "GA",
                 "country": "US", "declaredSworn": 5, "declaredNonSworn": 0, "contacts": []}""".formatted(agencyId, name);
    }

    @Test
    void aRepeatedEventIsAppliedOnce() {
        String agencyId = UUID.randomUUID().toString();
        Map<String, String> headers = TrainingApiTest.ceHeaders("onemind.agency.agency-registered.v1", agencyId);
        TopicProbe producer = new TopicProbe(bootstrapServers);
        producer.send("agency.events", agencyId, registered(agencyId, "First Name PD"), headers);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.read(() -> KnownAgency.findById(UUID.fromString(agencyId)) != null));
        // The same ce_id again (a redelivery) carrying other data must change nothing.
        producer.send("agency.events", agencyId, registered(agencyId, "Changed Name PD"), headers);
        String marker = UUID.randomUUID().toString();
        producer.send(
                "agency.events",
                agencyId,
                registered(marker, "Marker PD"),
                TrainingApiTest.ceHeaders("onemind.agency.agency-registered.v1", marker));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.read(() -> KnownAgency.findById(UUID.fromString(marker)) != null));
        assertEquals("First Name PD", Db.read(() -> KnownAgency.<KnownAgency>findById(UUID.fromString(agencyId)).name));
    }
}
