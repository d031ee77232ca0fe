package org.onemind.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.InjectMailServer;
import org.onemind.infra.MailServer;
import org.onemind.infra.TopicProbe;
import org.onemind.notification.delivery.DeliveryStatus;
import org.onemind.notification.delivery.Notification;
import org.onemind.platform.tracing.EventSpans;

@QuarkusTest
class ComplianceEmailTest {
    static final String MANAGED_AGENCY = "6f1d2a4e-5555-4c4c-9c9c-000000000005";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectMailServer
    MailServer mail;

    Map<String, String> headers(String type, String subject) {
        Map<String, String> headers = new java.util.HashMap<>(TopicProbe.eventHeaders(type, subject));
        headers.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        return headers;
    }

    /** An agency with two contacts, known to notification-service. */
    String agencyWithContacts(String agencyId, String domain) {
        new TopicProbe(bootstrapServers)
                .send(
                        "agency.events",
                        agencyId,
                        """
                {"agencyId": "%1$s", "name": "Riverside Police Department", "type": "MUNICIPAL_POLICE",
                 "city": "Riverside", "state": "CA", "country": "US", "declaredSworn": 42, "declaredNonSworn": 3,
                 "contacts": [{"contactId": "%2$s", "name": "Chief Maria Lopez", "email": "chief@%3$s", "role": "Chief"},
                              {"contactId": "%4$s", "name": "Lt. Sam Okafor", "email": "cit@%3$s", "role": "CIT coordinator"}]}""".formatted(agencyId, UUID.randomUUID(), domain, UUID.randomUUID()),
                        headers("onemind.agency.agency-registered.v1", agencyId));
        return agencyId;
    }

    Map<String, String> citBecameMet(String agencyId) {
        Map<String, String> headers = headers("onemind.compliance.compliance-evaluated.v1", agencyId);
        new TopicProbe(bootstrapServers).send("compliance.events", agencyId, evaluated(agencyId), headers);
        return headers;
    }

    static String evaluated(String agencyId) {
        return """
                {"agencyId": "%s", "evaluatedAt": "2026-06-01T10:00:00Z", "asOf": "2026-06-01", "ruleEdition": "2016",
                 "eligible": false,
                 "practices": {"partnership": {"met": false, "activePartnerships": 0},
                               "policy": {"met": false},
                               "mhfa": {"met": false, "sworn": 42, "swornTrained": 30, "selectedNonSworn": 2, "selectedNonSwornTrained": 1},
                               "cit": {"met": true, "sworn": 42, "swornTrained": 9, "required": 9, "nonSwornTrained": 0}},
                 "deadlineStatus": "ON_TRACK", "warnings": [],
                 "changes": [{"practice": "CIT", "from": "UNMET", "to": "MET"}], "eligibleChanged": false,
                 "causationId": "c0ffee00-0000-4000-8000-000000000001"}""".formatted(agencyId);
    }

    @Inject
    InMemorySpanExporter spans;

    /** The email's span (named in its header) is the child of the consumer's, which continues the event's. */
    void assertEmailSpanContinuesTheEvent(String emailSpanId, String agencyId) {
        SpanData send = await().atMost(Duration.ofSeconds(10))
                .until(() -> finishedSpan(emailSpanId), Optional::isPresent)
                .orElseThrow();
        assertEquals("smtp send", send.getName());
        assertEquals(SpanKind.CLIENT, send.getKind());
        assertEquals(agencyId, send.getAttributes().get(EventSpans.AGENCY_ID));
        SpanData process = finishedSpan(send.getParentSpanId()).orElseThrow();
        assertEquals("compliance.events process", process.getName());
        assertEquals(SpanKind.CONSUMER, process.getKind());
        assertEquals(
                "00f067aa0ba902b7", process.getParentSpanId(), "the consumer continues the span that sent the event");
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", process.getTraceId());
    }

    Optional<SpanData> finishedSpan(String spanId) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getSpanId().equals(spanId))
                .findFirst();
    }

    List<MimeMessage> mailTo(String domain) {
        return mail.messages().stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().endsWith("@" + domain);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    @Test
    void everyContactHearsOnceWhenAPracticeBecomesMetEvenIfTheEventIsRedelivered() throws Exception {
        String domain = "riverside-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String agencyId = agencyWithContacts(UUID.randomUUID().toString(), domain);
        await().atMost(Duration.ofSeconds(30)).until(() -> recipientsKnown(agencyId) == 2);

        try (TopicProbe compliance = new TopicProbe(bootstrapServers, "compliance.events")) {
            citBecameMet(agencyId);
            await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(domain).size() == 2);
            MimeMessage message = mailTo(domain).get(0);
            assertEquals("Riverside Police Department: Crisis Intervention Team is now met", message.getSubject());
            assertTrue(message.getContentType().startsWith("multipart/alternative"), message.getContentType());
            String raw =
                    new String(message.getRawInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(
                    raw.contains("9 sworn officers hold a current certification; 9 required (20% of 42 sworn)"), raw);
            assertTrue(raw.contains("30 of 42 sworn officers"), "the email gives the agency's own figures");
            assertTrue(
                    message.getHeader("traceparent")[0].startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"),
                    "the email carries the trace of the event that caused it");
            assertEmailSpanContinuesTheEvent(message.getHeader("traceparent")[0].split("-")[2], agencyId);

            // Redeliver the very same record, then a marker event; the redelivery must send nothing.
            ConsumerRecord<String, String> original = compliance.records().stream()
                    .filter(r -> agencyId.equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            compliance.resend(original);
            compliance.resend(original);
            String marker = agencyWithContacts(UUID.randomUUID().toString(), "marker-" + domain);
            citBecameMet(marker);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mailTo("marker-" + domain).size() == 2);
            assertEquals(2, mailTo(domain).size(), "a redelivered event sends no second email");
            assertEquals(
                    2L,
                    QuarkusTransaction.requiringNew()
                            .call(() -> Notification.count("agencyId", UUID.fromString(agencyId))));
        }
    }

    @Test
    void anEvaluationThatArrivesBeforeTheAgencyWaitsAndIsToldOnceItsContactsAreKnown() throws Exception {
        // compliance.events and agency.events are separate topics: nothing orders them.
        String domain = "early-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String agencyId = UUID.randomUUID().toString();
        citBecameMet(agencyId);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsAwaitingAgency(agencyId) == 1);
        assertEquals(
                0L,
                QuarkusTransaction.requiringNew().call(() -> Notification.count("agencyId", UUID.fromString(agencyId))),
                "no one to tell yet");

        agencyWithContacts(agencyId, domain);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(domain).size() == 2);
        assertEquals(
                "Riverside Police Department: Crisis Intervention Team is now met",
                mailTo(domain).get(0).getSubject());
        assertEquals(0, eventsAwaitingAgency(agencyId), "told once, then forgotten");

        // A later update of the contacts does not tell the same news again.
        agencyWithContacts(agencyId, domain);
        String marker = agencyWithContacts(UUID.randomUUID().toString(), "marker-" + domain);
        citBecameMet(marker);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("marker-" + domain).size() == 2);
        assertEquals(2, mailTo(domain).size());
    }

    long eventsAwaitingAgency(String agencyId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Notification.getEntityManager()
                                .createNativeQuery(
                                        "select count(*) from compliance_event_awaiting_agency where agency_id = ?1")
                                .setParameter(1, UUID.fromString(agencyId))
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void whenTheSmtpServerIsDownDeliveryIsRetriedAndCompletesOnceItReturns() {
        String domain = "outage-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String agencyId = agencyWithContacts(UUID.randomUUID().toString(), domain);
        await().atMost(Duration.ofSeconds(30)).until(() -> recipientsKnown(agencyId) == 2);

        mail.suspend();
        try {
            citBecameMet(agencyId);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> statuses(agencyId).equals(List.of(DeliveryStatus.RETRYING, DeliveryStatus.RETRYING)));
        } finally {
            mail.resume();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> statuses(agencyId).equals(List.of(DeliveryStatus.SENT, DeliveryStatus.SENT)));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(domain).size() == 2);
        assertEquals(2, mailTo(domain).size(), "nothing lost, nothing doubled");
    }

    @jakarta.inject.Inject
    org.onemind.notification.delivery.DeliveryDispatcher dispatcher;

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void afterTheLastAttemptAnEmailIsFailedUntilACampaignAdminResendsIt() {
        String domain = "failed-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String agencyId = agencyWithContacts(UUID.randomUUID().toString(), domain);
        await().atMost(Duration.ofSeconds(30)).until(() -> recipientsKnown(agencyId) == 2);
        mail.suspend();
        try {
            citBecameMet(agencyId);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> statuses(agencyId).size() == 2);
            // Skip the backoff waits: keep every retry due now until the attempts run out.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                QuarkusTransaction.requiringNew()
                        .run(() -> Notification.update(
                                "nextAttemptAt = ?1 where agencyId = ?2",
                                java.time.Instant.now(),
                                UUID.fromString(agencyId)));
                dispatcher.dispatchDue();
                return statuses(agencyId).equals(List.of(DeliveryStatus.FAILED, DeliveryStatus.FAILED));
            });
            given().get("/api/v1/agencies/{id}/notifications", agencyId)
                    .then()
                    .body("items[0].attempts", equalTo(6))
                    .body("items[0].lastError", org.hamcrest.Matchers.notNullValue());
        } finally {
            mail.resume();
        }
        String id = given().get("/api/v1/agencies/{id}/notifications", agencyId)
                .then()
                .extract()
                .path("items[0].id");
        given().post("/api/v1/notifications/{id}/resend", id).then().statusCode(200);
        // A connection pooled before the outage may hang until it times out; the retry then delivers.
        await().atMost(Duration.ofSeconds(90)).until(() -> mailTo(domain).size() == 1);
        // The SMTP server has it a moment before its row commits as SENT.
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(agencyId).contains(DeliveryStatus.SENT));
    }

    @Test
    @TestSecurity(user = "manager", roles = "agency-manager")
    @OidcSecurity(claims = @Claim(key = "agency_id", value = MANAGED_AGENCY))
    void anAgencyManagerReadsTheirOwnDeliveryLogOnly() {
        agencyWithContacts(MANAGED_AGENCY, "managed.example");
        await().atMost(Duration.ofSeconds(30)).until(() -> recipientsKnown(MANAGED_AGENCY) == 2);
        citBecameMet(MANAGED_AGENCY);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> statuses(MANAGED_AGENCY).equals(List.of(DeliveryStatus.SENT, DeliveryStatus.SENT)));
        given().get("/api/v1/agencies/{id}/notifications", MANAGED_AGENCY)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(2))
                .body("items.status", everyItem(equalTo("SENT")))
                .body("items.type", everyItem(equalTo("PRACTICE_MET")));
        given().get("/api/v1/agencies/{id}/notifications", UUID.randomUUID())
                .then()
                .statusCode(404);
        given().post("/api/v1/notifications/{id}/resend", UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void aCampaignAdminCanResendAnEmail() {
        String domain = "resend-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String agencyId = agencyWithContacts(UUID.randomUUID().toString(), domain);
        await().atMost(Duration.ofSeconds(30)).until(() -> recipientsKnown(agencyId) == 2);
        citBecameMet(agencyId);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(domain).size() == 2);
        String id = given().get("/api/v1/agencies/{id}/notifications", agencyId)
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        given().post("/api/v1/notifications/{id}/resend", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(domain).size() == 3);
        given().post("/api/v1/notifications/{id}/resend", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    long recipientsKnown(String agencyId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Notification.getEntityManager()
                                .createNativeQuery("select count(*) from recipient where agency_id = ?1 and active")
                                .setParameter(1, UUID.fromString(agencyId))
                                .getSingleResult())
                        .longValue());
    }

    List<DeliveryStatus> statuses(String agencyId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.<Notification>list("agencyId", UUID.fromString(agencyId)).stream()
                        .map(n -> n.status)
                        .toList());
    }
}
