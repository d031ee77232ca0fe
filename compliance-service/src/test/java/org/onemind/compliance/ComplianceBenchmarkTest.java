package org.onemind.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onemind.compliance.evaluation.RebuildService;
import org.onemind.compliance.rules.AgencyFacts;
import org.onemind.compliance.rules.ComplianceRules;
import org.onemind.compliance.rules.RuleEdition;
import org.onemind.infra.TopicProbe;

/**
 * Prints figures and asserts nothing about speed: one evaluation of an agency of 1,000 sworn
 * officers and 5,000 certifications; the time from a certification-recorded event on Kafka to the
 * updated evaluation being readable over the API (median and p99 of 1,000); a full rebuild of
 * 1,000 agencies with 100,000 certifications.
 * Run: ./mvnw verify -pl compliance-service -am -Pbenchmark
 */
@QuarkusTest
@Tag("benchmark")
@TestSecurity(user = "admin", roles = "campaign-admin")
class ComplianceBenchmarkTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager em;

    @Inject
    RebuildService rebuilds;

    @Test
    void figures() {
        evaluationOfALargeAgency();
        eventToReadableEvaluation();
        fullRebuild();
    }

    void evaluationOfALargeAgency() {
        List<AgencyFacts.Person> people = new ArrayList<>();
        List<AgencyFacts.Certification> certifications = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            UUID person = UUID.randomUUID();
            people.add(new AgencyFacts.Person(person, true, false, null, null));
            for (int c = 0; c < 5; c++) {
                certifications.add(new AgencyFacts.Certification(
                        UUID.randomUUID(),
                        person,
                        c % 2 == 0,
                        c == 1,
                        LocalDate.of(2025, 1, 1).plusDays(c),
                        c == 0 ? LocalDate.of(2028, 1, 1) : null,
                        false,
                        true));
            }
        }
        AgencyFacts facts = new AgencyFacts(UUID.randomUUID(), 1000, null, List.of(), null, people, certifications);
        long[] nanos = new long[200];
        for (int warm = 0; warm < 200; warm++) {
            ComplianceRules.evaluate(facts, LocalDate.now(), RuleEdition.E2016);
        }
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            ComplianceRules.evaluate(facts, LocalDate.now(), RuleEdition.E2016);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%nBENCHMARK evaluation of 1,000 sworn / 5,000 certifications (rules only): median %.2f ms, p99 %.2f ms%n",
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
    }

    void eventToReadableEvaluation() {
        String agency = UUID.randomUUID().toString();
        TopicProbe producer = new TopicProbe(bootstrapServers);
        producer.send(
                "agency.events", agency, """
                {"agencyId": "%s", "name": "Bench PD", "type": "SHERIFF", "city": "C", "state": "NV", "country": "US",
                 "declaredSworn": 1000, "declaredNonSworn": 0, "contacts": []}""".formatted(agency), headers("onemind.agency.agency-registered.v1", agency));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String person = UUID.randomUUID().toString();
            people.add(person);
            producer.send(
                    "training.events",
                    agency,
                    """
                    {"agencyId": "%s", "personnelId": "%s", "sworn": true, "selectedForTraining": false, "hiredOn": null}""".formatted(agency, person),
                    headers("onemind.training.personnel-added.v1", agency));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> sworn(agency) == 1000);
        long[] latencies = new long[1000];
        for (int i = 0; i < 1000; i++) {
            long start = System.nanoTime();
            producer.send(
                    "training.events",
                    agency,
                    """
                    {"agencyId": "%s", "certificationId": "%s", "personnelId": "%s", "courseId": "%s", "categories": ["MHFA"],
                     "completedOn": "2026-01-01", "expiresOn": null, "deliveryMode": "IN_PERSON"}""".formatted(agency, UUID.randomUUID(), people.get(i), UUID.randomUUID()),
                    headers("onemind.training.certification-recorded.v1", agency));
            int expected = i + 1;
            await().atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> trained(agency) >= expected);
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        System.out.printf(
                "BENCHMARK certification-recorded on Kafka -> evaluation readable over the API, 1,000 events:"
                        + " median %.1f ms, p99 %.1f ms (includes the test's own acks=1 send)%n",
                latencies[500] / 1e6, latencies[989] / 1e6);
    }

    int sworn(String agency) {
        return given().get("/api/v1/agencies/{id}/compliance", agency)
                                .then()
                                .extract()
                                .path("practices.mhfa.sworn")
                        instanceof Integer n
                ? n
                : -1;
    }

    int trained(String agency) {
        Object value = given().get("/api/v1/agencies/{id}/compliance", agency)
                .then()
                .extract()
                .path("practices.mhfa.swornTrained");
        return value instanceof Integer n ? n : -1;
    }

    void fullRebuild() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery(
                            "create temp table bench_agency as select gen_random_uuid() as id from generate_series(1, 1000)")
                    .executeUpdate();
            em.createNativeQuery(
                            "insert into agency_view (agency_id, name, state, declared_sworn, pledge_status, pledged_on, target_completion_on)"
                                    + " select id, 'Bench', 'NV', 100, 'PLEDGED', date '2026-01-01', date '2028-01-01' from bench_agency")
                    .executeUpdate();
            em.createNativeQuery(
                            "insert into personnel_view (personnel_id, agency_id, sworn, selected_for_training)"
                                    + " select gen_random_uuid(), a.id, true, false from bench_agency a, generate_series(1, 100)")
                    .executeUpdate();
            em.createNativeQuery(
                            "insert into certification_view (certification_id, agency_id, personnel_id, course_id, mhfa, cit,"
                                    + " completed_on, expires_on, delivery_mode) select gen_random_uuid(), p.agency_id, p.personnel_id,"
                                    + " gen_random_uuid(), true, false, date '2025-06-01', date '2028-06-01', 'IN_PERSON'"
                                    + " from personnel_view p join bench_agency a on a.id = p.agency_id")
                    .executeUpdate();
        });
        long start = System.nanoTime();
        RebuildService.RebuildStatus status = rebuilds.runNow("benchmark");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "BENCHMARK full rebuild: %d agencies (1,000 with 100 officers and 100 certifications each,"
                        + " 100,000 certifications) in %.1f s, %.0f agencies/s, %d failed%n",
                status.done(), seconds, status.done() / seconds, status.failed());
    }

    static Map<String, String> headers(String type, String agency) {
        return TopicProbe.eventHeaders(type, agency);
    }
}
