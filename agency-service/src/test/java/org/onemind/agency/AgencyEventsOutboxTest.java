package org.onemind.agency;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;
import org.onemind.platform.outbox.KafkaEventPublisher;
import org.onemind.platform.outbox.OutboxEvent;
import org.onemind.platform.outbox.OutboxRelay;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AgencyEventsOutboxTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void registrationAndPledgeLeaveAsCloudEventsKeyedByAgency() {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, "agency.events")) {
            String id = AgencyApiTest.register("Capital City Police Department");
            given().contentType(ContentType.JSON).body(AgencyApiTest.pledge(java.time.LocalDate.of(2026, 1, 15),
                            java.time.LocalDate.of(2027, 6, 30)))
                    .when().put("/api/v1/agencies/{id}/pledge", id).then().statusCode(201);

            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream()
                    .filter(r -> id.equals(r.key())).count() == 2);
            List<ConsumerRecord<String, String>> events = probe.records().stream().filter(r -> id.equals(r.key())).toList();
            ConsumerRecord<String, String> registered = events.get(0);
            assertEquals("onemind.agency.agency-registered.v1", TopicProbe.header(registered, "ce_type"));
            assertEquals("1.0", TopicProbe.header(registered, "ce_specversion"));
            assertEquals("/agency-service", TopicProbe.header(registered, "ce_source"));
            assertEquals(id, TopicProbe.header(registered, "ce_subject"));
            assertEquals("application/json", TopicProbe.header(registered, "content-type"));
            assertTrue(TopicProbe.header(registered, "traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
            assertTrue(registered.value().contains("\"declaredSworn\":42"));
            assertTrue(registered.value().contains("chief@springfield.example"));
            assertEquals("onemind.agency.pledge-taken.v1", TopicProbe.header(events.get(1), "ce_type"));
            assertTrue(events.get(1).value().contains("\"targetCompletionOn\":\"2027-06-30\""));
        }
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void whileAnotherReplicaIsPublishingThisOneWaitsSoAnAgencysEventsStayInOrder() throws Exception {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, "agency.events");
             java.sql.Connection otherReplica = dataSource.getConnection()) {
            // Another replica's relay holds the publishing lock in its open transaction.
            otherReplica.setAutoCommit(false);
            try (var statement = otherReplica.prepareStatement("select pg_advisory_xact_lock(?)")) {
                statement.setLong(1, OutboxRelay.RELAY_LOCK);
                statement.execute();
            }
            String id = AgencyApiTest.register("Lockport Police Department");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> probe.records().stream().noneMatch(r -> id.equals(r.key())));

            otherReplica.commit();
            relay.nudge();
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream().anyMatch(r -> id.equals(r.key())));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void anEventIsNotLostWhenTheRelayFailsBeforePublishing() {
        KafkaEventPublisher real = ClientProxy.unwrap(Arc.container().instance(KafkaEventPublisher.class).get());
        AtomicBoolean brokerDown = new AtomicBoolean(true);
        QuarkusMock.installMockForType(new KafkaEventPublisher() {
            @Override
            public void publishAll(List<OutboxEvent> events) {
                if (brokerDown.get()) {
                    throw new IllegalStateException("kill point: relay dies before publishing");
                }
                real.publishAll(events);
            }

            @Override
            public java.time.Duration sendTimeout() {
                return real.sendTimeout();
            }
        }, KafkaEventPublisher.class);

        try (TopicProbe probe = new TopicProbe(bootstrapServers, "agency.events")) {
            String id = AgencyApiTest.register("Ogdenville Police Department");
            assertEquals(0, relay.drain(), "nothing is published while the relay fails");
            assertEquals(1L, pendingFor(id), "the event waits in the outbox");
            assertTrue(probe.records().stream().noneMatch(r -> id.equals(r.key())));

            brokerDown.set(false);
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream().anyMatch(r -> id.equals(r.key())));
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingFor(id) == 0L);
            // Exactly once, counted over a quiet period: a late duplicate would show up within it.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> probe.records().stream().filter(r -> id.equals(r.key())).count() == 1);
        }
    }

    long pendingFor(String agencyId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where record_key = ?1 and sent_at is null")
                .setParameter(1, agencyId).getSingleResult()).longValue());
    }
}
