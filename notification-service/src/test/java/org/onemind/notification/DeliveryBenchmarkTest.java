package org.onemind.notification;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onemind.infra.InjectMailServer;
import org.onemind.infra.MailServer;
import org.onemind.notification.delivery.DeliveryDispatcher;

/**
 * Prints figures, asserts nothing about speed: 1,000 queued notifications delivered to the SMTP
 * server. Run: ./mvnw verify -pl notification-service -am -Pbenchmark
 */
@QuarkusTest
@Tag("benchmark")
class DeliveryBenchmarkTest {

    @Inject
    EntityManager em;

    @Inject
    DeliveryDispatcher dispatcher;

    @InjectMailServer
    MailServer mail;

    @Test
    void deliverOneThousand() {
        UUID agency = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "insert into notification (id, agency_id, type,"
                                        + " recipient, subject, html_body, text_body, status, attempts, next_attempt_at, created_at, event_id)"
                                        + " select gen_random_uuid(), ?1, 'PRACTICE_MET', 'contact' || n || '@bench.example', 'Benchmark ' || n,"
                                        + " '<p>Dear contact, the CIT practice is now met: 9 of 9 required.</p>', 'Dear contact, the CIT practice is now met.',"
                                        + " 'PENDING', 0, now() + interval '1 hour', now(), 'bench-' || n from generate_series(1, 1000) n")
                        .setParameter(1, agency)
                        .executeUpdate());
        int before = mail.messages().size();
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update notification set next_attempt_at = now() where agency_id = ?1")
                        .setParameter(1, agency)
                        .executeUpdate());
        dispatcher.nudge();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mail.messages().size() - before >= 1000);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%nBENCHMARK 1,000 notifications accepted by the SMTP server in %.1f s: %.0f emails/s%n",
                seconds, 1000 / seconds);
    }
}
