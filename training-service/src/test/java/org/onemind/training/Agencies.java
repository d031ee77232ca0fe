package org.onemind.training;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.onemind.infra.TopicProbe;
import org.onemind.training.agency.KnownAgency;

/** Agencies and partnerships announced on agency.events, as agency-service would. */
final class Agencies {
    private Agencies() {}

    static TopicProbe producer() {
        return new TopicProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static String known(String agencyId) {
        producer()
                .send(
                        "agency.events",
                        agencyId,
                        """
                {"agencyId": "%s", "name": "Test PD", "type": "SHERIFF", "city": "Macon", "state": "GA",
                 "country": "US", "declaredSworn": 5, "declaredNonSworn": 0, "contacts": []}""".formatted(agencyId),
                        TrainingApiTest.ceHeaders("onemind.agency.agency-registered.v1", agencyId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.read(() -> KnownAgency.findById(UUID.fromString(agencyId)) != null));
        return agencyId;
    }

    static String known() {
        return known(UUID.randomUUID().toString());
    }

    /** A partnership between the agency and a partner organization; waits until training-service has it. */
    static void partnership(String agencyId, String organizationId) {
        String partnershipId = UUID.randomUUID().toString();
        producer()
                .send(
                        "agency.events",
                        agencyId,
                        """
                {"agencyId": "%s", "partnershipId": "%s", "organizationId": "%s", "organizationName": "Partner",
                 "organizationKind": "MENTAL_HEALTH_PROVIDER", "mouSignedOn": "2025-01-01"}""".formatted(agencyId, partnershipId, organizationId),
                        TrainingApiTest.ceHeaders("onemind.agency.partnership-established.v1", agencyId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.read(() -> !KnownAgency.getEntityManager()
                        .createNativeQuery("select 1 from partner_scope where partnership_id = ?1")
                        .setParameter(1, UUID.fromString(partnershipId))
                        .getResultList()
                        .isEmpty()));
    }
}
