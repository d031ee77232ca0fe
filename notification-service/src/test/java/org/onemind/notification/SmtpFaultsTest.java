package org.onemind.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onemind.infra.FaultProxy;
import org.onemind.infra.InjectMailServer;
import org.onemind.infra.InjectSmtpProxy;
import org.onemind.infra.MailServer;
import org.onemind.infra.PrometheusScrape;
import org.onemind.notification.delivery.DeliveryService;
import org.onemind.notification.delivery.DeliveryStatus;
import org.onemind.notification.delivery.Notification;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.notification.email.ComplianceEmailWriter;

/**
 * Injects SMTP faults through a TCP proxy in front of the real SMTP server: latency on everything
 * the server says, and a server that accepts a conversation and then falls silent. Counts emails
 * queued against emails received.
 */
@QuarkusTest
class SmtpFaultsTest {

    @InjectSmtpProxy
    FaultProxy smtp;

    @InjectMailServer
    MailServer mail;

    @Inject
    DeliveryService deliveries;

    /** {@code onemind_emails_total{outcome}} as the service exports it. */
    static double emailAttempts(String outcome) {
        return PrometheusScrape.sum(
                given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "onemind_emails_total",
                "outcome=\"" + outcome + "\"");
    }

    @Test
    void aSlowServerStillReceivesEveryEmailExactlyOnce() {
        String domain = "slow-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID agency = UUID.randomUUID();
        long started = System.nanoTime();
        smtp.slow(Duration.ofMillis(150)); // every SMTP reply arrives 150 ms late: a conversation takes about 1.5 s
        try {
            enqueue(agency, domain, 8);
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> statuses(agency).values().stream().allMatch(s -> s == DeliveryStatus.SENT));
        } finally {
            smtp.pass();
        }
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> mailTo(domain).size() == 8);
        System.out.printf(
                "FAULT SMTP replies delayed 150 ms: emails in 8, received %d, duplicates %d, all sent after %d ms%n",
                mailTo(domain).size(),
                mailTo(domain).size() - distinctRecipients(domain),
                (System.nanoTime() - started) / 1_000_000);
        assertEquals(8, distinctRecipients(domain), "every recipient got one email");
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void aHungServerBoundsEachAttemptHoldsNoOtherEmailBackAndEndsInFailedUntilResent() {
        String domain = "hung-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String stuck = "stuck@" + domain;
        UUID agency = UUID.randomUUID();
        // The server falls silent in every conversation about this one recipient; the others flow.
        smtp.hangConnectionsCarrying("<" + stuck + ">");
        double retriedBefore = emailAttempts("retried");
        double failedBefore = emailAttempts("failed");
        CapturedLogs logs = new CapturedLogs();
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> deliveries.enqueue(
                            agency,
                            NotificationType.PRACTICE_MET,
                            stuck,
                            new ComplianceEmailWriter.Email("Hung", "<p>hung</p>", "hung"),
                            UUID.randomUUID().toString()));
            enqueue(agency, domain, 5);

            // One slow email holds none of the others back.
            await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(domain).size() == 5);
            assertTrue(statuses(agency).get(stuck) != DeliveryStatus.SENT);
            // Each attempt is bounded: the email is RETRYING with the reason, not stuck in PENDING.
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses(agency).get(stuck) == DeliveryStatus.RETRYING);
            assertTrue(notification(stuck).lastError.contains("did not answer"), notification(stuck).lastError);
            // Every attempt times out the same way: after the last one it is FAILED (backoff waits skipped).
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                QuarkusTransaction.requiringNew()
                        .run(() -> Notification.update(
                                "nextAttemptAt = ?1 where recipient = ?2" + " and status = ?3",
                                Instant.now(),
                                stuck,
                                DeliveryStatus.RETRYING));
                return statuses(agency).get(stuck) == DeliveryStatus.FAILED;
            });
        } finally {
            smtp.pass(); // the server comes back; its hung conversations are dropped
            logs.close();
        }
        // Ops see it: the attempts are counted, and logged with the agency and the trace, never the address.
        assertTrue(emailAttempts("retried") >= retriedBefore + 1, "retried attempts are counted");
        assertTrue(emailAttempts("failed") >= failedBefore + 1, "the email given up is counted");
        List<CapturedLogs.Line> failures = logs.lines.stream()
                .filter(line -> line.logger().endsWith("DeliveryDispatcher"))
                .filter(line -> line.message().contains(notification(stuck).id.toString()))
                .toList();
        assertTrue(failures.size() >= 2, "each failed attempt is logged: " + failures);
        failures.forEach(line -> {
            assertEquals(agency.toString(), line.agencyId(), "the log line names the agency");
            assertTrue(line.traceId() != null && line.traceId().matches("[0-9a-f]{32}"), "and the trace: " + line);
        });
        assertEquals(
                List.of(),
                logs.lines.stream()
                        // The test's own SMTP server (GreenMail, in this JVM) is not the service.
                        .filter(line -> !line.logger().startsWith("com.icegreen"))
                        .filter(line -> line.message().contains(domain))
                        .toList(),
                "no log line at INFO or above carries a recipient's address");
        assertEquals(
                0,
                mailTo(domain).stream().filter(m -> recipient(m).equals(stuck)).count());
        given().post("/api/v1/notifications/{id}/resend", notification(stuck).id)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(agency).get(stuck) == DeliveryStatus.SENT);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> mailTo(domain).stream()
                                .filter(m -> recipient(m).equals(stuck))
                                .count()
                        == 1);
        System.out.printf(
                "FAULT SMTP hung for one recipient: emails in 6, received %d, duplicates 0, the hung one FAILED after %d"
                        + " attempts and was delivered once on resend%n",
                mailTo(domain).size(), 6);
        assertEquals(6, mailTo(domain).size());
    }

    private void enqueue(UUID agency, String domain, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                deliveries.enqueue(
                        agency,
                        NotificationType.PRACTICE_MET,
                        "contact" + i + "@" + domain,
                        new ComplianceEmailWriter.Email("Practice met " + i, "<p>met</p>", "met"),
                        UUID.randomUUID().toString());
            }
        });
    }

    private static Map<String, DeliveryStatus> statuses(UUID agency) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.<Notification>list("agencyId", agency).stream()
                        .collect(Collectors.toMap(n -> n.recipient, n -> n.status)));
    }

    private static Notification notification(String recipient) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        Notification.<Notification>find("recipient", recipient).firstResult());
    }

    private List<MimeMessage> mailTo(String domain) {
        return new ArrayList<>(mail.messages().stream()
                .filter(m -> recipient(m).endsWith("@" + domain))
                .toList());
    }

    private long distinctRecipients(String domain) {
        return mailTo(domain).stream().map(SmtpFaultsTest::recipient).distinct().count();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}
