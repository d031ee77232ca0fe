package org.onemind.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TestTokens;
import org.onemind.infra.TopicProbe;

/**
 * Prints figures, asserts nothing about speed: 1,000 pledges, each told to its agency's contact by
 * email and to a webhook subscriber, measured from the moment the event was sent to Kafka until the
 * receiver got the message, beside the time until the SMTP server accepted the email (same events,
 * same run). Run: ./mvnw verify -pl notification-service -am -Pbenchmark
 */
@QuarkusTest
@Tag("benchmark")
class WebhookLatencyBenchmarkTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager em;

    @Test
    void oneThousandPledgesByWebhookBesideEmail() {
        int count = 1000;
        try (WebhookReceiver receiver = new WebhookReceiver();
                TopicProbe probe = new TopicProbe(bootstrapServers)) {
            given().auth()
                    .oauth2(TestTokens.campaignAdmin())
                    .contentType("application/json")
                    .body(Map.of(
                            "url",
                            receiver.url(),
                            "eventTypes",
                            List.of("pledge.taken"),
                            "contactEmail",
                            "bench@hooks.example"))
                    .post("/api/v1/webhook-subscriptions")
                    .then()
                    .statusCode(201);
            List<String> agencies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String agencyId = UUID.randomUUID().toString();
                agencies.add(agencyId);
                probe.sendEvent("agency.events", agencyId, "onemind.agency.agency-registered.v1", """
                        {"agencyId": "%s", "name": "Bench PD %d", "type": "MUNICIPAL_POLICE", "city": "Macon", "state": "GA",
                         "country": "US", "declaredSworn": 10, "declaredNonSworn": 0,
                         "contacts": [{"contactId": "%s", "name": "Chief", "email": "chief-%d@bench.example", "role": "Chief"}]}""".formatted(
                                agencyId, i, UUID.randomUUID(), i));
            }
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Map<String, Long> wallClock = new ConcurrentHashMap<>();
            for (String agencyId : agencies) {
                wallClock.put(agencyId, Instant.now().toEpochMilli());
                sentAt.put(agencyId, System.nanoTime());
                probe.sendEvent("agency.events", agencyId, "onemind.agency.pledge-taken.v1", """
                        {"agencyId": "%s", "pledgeId": "%s", "pledgedOn": "2026-02-01", "targetCompletionOn": "2028-02-01"}""".formatted(
                                agencyId, UUID.randomUUID()));
            }
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.messages.size() >= count && emailsSent(agencies) >= count);

            List<Long> webhook = new ArrayList<>();
            for (WebhookReceiver.Message message : receiver.messages) {
                String agencyId =
                        io.restassured.path.json.JsonPath.from(message.body()).getString("data.agencyId");
                webhook.add((message.receivedAtNanos() - sentAt.get(agencyId)) / 1_000_000);
            }
            List<Long> email = new ArrayList<>();
            QuarkusTransaction.requiringNew().run(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("select cast(agency_id as text), sent_at from notification"
                                + " where type = 'PLEDGE_RECEIVED' and agency_id = any(cast(?1 as uuid[]))")
                        .setParameter(1, agencies.toArray(String[]::new))
                        .getResultList();
                for (Object[] row : rows) {
                    Instant sent = row[1] instanceof Timestamp t ? t.toInstant() : (Instant) row[1];
                    email.add(sent.toEpochMilli() - wallClock.get((String) row[0]));
                }
            });
            System.out.printf(
                    "%nBENCHMARK event sent -> received, %d pledges: webhook p50 %d ms, p99 %d ms, max %d ms;"
                            + " email (accepted by SMTP) p50 %d ms, p99 %d ms, max %d ms%n",
                    count,
                    percentile(webhook, 50),
                    percentile(webhook, 99),
                    percentile(webhook, 100),
                    percentile(email, 50),
                    percentile(email, 99),
                    percentile(email, 100));
        }
    }

    long emailsSent(List<String> agencies) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number)
                                em.createNativeQuery("select count(*) from notification where type = 'PLEDGE_RECEIVED'"
                                                + " and status = 'SENT' and agency_id = any(cast(?1 as uuid[]))")
                                        .setParameter(1, agencies.toArray(String[]::new))
                                        .getSingleResult())
                        .longValue());
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
