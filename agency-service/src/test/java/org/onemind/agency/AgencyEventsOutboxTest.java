package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;
import org.onemind.platform.outbox.KafkaEventPublisher;
import org.onemind.platform.outbox.OutboxEvent;
import org.onemind.platform.outbox.OutboxRelay;

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
            given().contentType(ContentType.JSON)
                    .body(AgencyApiTest.pledge(
                            java.time.LocalDate.of(2026, 1, 15), java.time.LocalDate.of(2027, 6, 30)))
                    .when()
                    .put("/api/v1/agencies/{id}/pledge", id)
                    .then()
                    .statusCode(201);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.records().stream()
                                    .filter(r -> id.equals(r.key()))
                                    .count()
                            == 2);
            List<ConsumerRecord<String, String>> events =
                    probe.records().stream().filter(r -> id.equals(r.key())).toList();
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
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> probe.records().stream().noneMatch(r -> id.equals(r.key())));

            otherReplica.commit();
            relay.nudge();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.records().stream().anyMatch(r -> id.equals(r.key())));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void anAgencysEventsTakeTheirPlaceInTheOutboxInTheOrderTheirTransactionsCommit() throws Exception {
        String id = AgencyApiTest.register("Commitville Police Department");
        try (java.sql.Connection earlier = dataSource.getConnection()) {
            // A transaction of the same agency (another replica's, say) wrote its event first and has not committed.
            earlier.setAutoCommit(false);
            try (var lock = earlier.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, org.onemind.platform.outbox.Outbox.KEY_LOCK_SPACE);
                lock.setString(2, id);
                lock.execute();
            }
            try (var insert = earlier.prepareStatement(
                    "insert into outbox_event (id, topic, record_key, type, subject, payload)"
                            + " values (gen_random_uuid(), 'agency.events.order-test', ?, 'onemind.agency.order-test.v1', ?, '{}')")) {
                insert.setString(1, id);
                insert.setString(2, id);
                insert.executeUpdate();
            }
            // A later change of the same agency waits for it before its event is numbered...
            java.util.concurrent.CompletableFuture<Integer> later =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                            .body(AgencyApiTest.pledge(
                                    java.time.LocalDate.now().minusDays(1),
                                    java.time.LocalDate.now().plusMonths(18)))
                            .put("/api/v1/agencies/{id}/pledge", id)
                            .statusCode());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !later.isDone());
            earlier.commit();
            assertEquals(201, later.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        // ...so the outbox, which the relay publishes in order, has them in commit order.
        @SuppressWarnings("unchecked")
        List<String> types = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select type from outbox_event where record_key = ?1 and type <> 'onemind.agency.agency-registered.v1' order by seq")
                        .setParameter(1, id)
                        .getResultList());
        assertEquals(List.of("onemind.agency.order-test.v1", "onemind.agency.pledge-taken.v1"), types);
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void anEventIsNotLostWhenTheRelayFailsBeforePublishing() {
        KafkaEventPublisher real = ClientProxy.unwrap(
                Arc.container().instance(KafkaEventPublisher.class).get());
        AtomicBoolean brokerDown = new AtomicBoolean(true);
        QuarkusMock.installMockForType(
                new KafkaEventPublisher() {
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
                },
                KafkaEventPublisher.class);

        try (TopicProbe probe = new TopicProbe(bootstrapServers, "agency.events")) {
            String id = AgencyApiTest.register("Ogdenville Police Department");
            assertEquals(0, relay.drain(), "nothing is published while the relay fails");
            assertEquals(1L, pendingFor(id), "the event waits in the outbox");
            assertTrue(probe.records().stream().noneMatch(r -> id.equals(r.key())));

            brokerDown.set(false);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.records().stream().anyMatch(r -> id.equals(r.key())));
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingFor(id) == 0L);
            // Exactly once, counted over a quiet period: a late duplicate would show up within it.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> probe.records().stream()
                                    .filter(r -> id.equals(r.key()))
                                    .count()
                            == 1);
        }
    }

    long pendingFor(String agencyId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from outbox_event where record_key = ?1 and sent_at is null")
                                .setParameter(1, agencyId)
                                .getSingleResult())
                        .longValue());
    }
}
