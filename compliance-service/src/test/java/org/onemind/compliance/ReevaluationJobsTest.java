package org.onemind.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;
import org.onemind.platform.scheduling.ScheduledJobs;

/** Re-evaluations of many agencies: chunked jobs with their progress in the database, resumable by any replica. */
@QuarkusTest
class ReevaluationJobsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "onemind.compliance.reevaluation.chunk-size")
    int chunkSize;

    @Inject
    EntityManager em;

    @Inject
    ScheduledJobs jobs;

    /** An agency with one sworn officer holding a certification of {@code course} that counts for nothing yet. */
    String agencyWithCertificationOf(String course) {
        String agencyId = UUID.randomUUID().toString();
        List<String> officers = ComplianceChainTest.pledgedAgencyWithOfficers(bootstrapServers, agencyId, 1);
        new TopicProbe(bootstrapServers)
                .send(
                        "training.events",
                        agencyId,
                        certification(agencyId, officers.get(0), course),
                        TopicProbe.eventHeaders("onemind.training.certification-recorded.v1", agencyId));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                        .then()
                        .statusCode(200)
                        .body("practices.mhfa.sworn", equalTo(1))
                        .body("practices.mhfa.met", equalTo(false)));
        return agencyId;
    }

    static String certification(String agencyId, String personnelId, String course) {
        return """
                {"agencyId": "%s", "certificationId": "%s", "personnelId": "%s", "courseId": "%s", "categories": [],
                 "completedOn": "%s", "expiresOn": null, "deliveryMode": "IN_PERSON"}""".formatted(agencyId, UUID.randomUUID(), personnelId, course, ComplianceChainTest.COMPLETED_ON);
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void aReclassifiedCourseReEvaluatesItsAgenciesInChunksAndKeepsTheJobsProgress() {
        String course = UUID.randomUUID().toString();
        List<String> agencies = new ArrayList<>();
        for (int i = 0; i < chunkSize * 2 + 1; i++) {
            agencies.add(agencyWithCertificationOf(course));
        }
        new TopicProbe(bootstrapServers)
                .sendEvent("training.events", course, "onemind.training.course-changed.v1", """
                {"courseId": "%s", "name": "State Crisis Course", "categories": ["MHFA"], "validityMonths": null}""".formatted(course));
        for (String agencyId : agencies) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                            .then()
                            .body("practices.mhfa.met", equalTo(true)));
        }
        Object[] job = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select state, total, done, failed from reevaluation_job where course_id = cast(?1 as uuid)")
                .setParameter(1, course)
                .getSingleResult());
        assertEquals("DONE", job[0]);
        assertEquals(agencies.size(), ((Number) job[1]).intValue());
        assertEquals(agencies.size(), ((Number) job[2]).intValue(), "every agency once, over three chunks");
        assertEquals(0, ((Number) job[3]).intValue());
        given().get("/api/v1/compliance/rebuild")
                .then()
                .statusCode(200)
                .body("find { it.courseId == '%s' }.state".formatted(course), equalTo("DONE"))
                .body("find { it.courseId == '%s' }.done".formatted(course), equalTo(agencies.size()));
        given().queryParam("state", "SOMETIMES")
                .get("/api/v1/compliance/rebuild")
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void aJobLeftByAReplicaThatDiedIsResumedFromItsLastAgencyAndItsProgressIsVisible() {
        String course = UUID.randomUUID().toString();
        List<String> agencies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            agencies.add(agencyWithCertificationOf(course));
        }
        UUID job = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            // The reclassification was projected, and its job started on a replica that then died mid-way.
            em.createNativeQuery("update certification_view set mhfa = true where course_id = cast(?1 as uuid)")
                    .setParameter(1, course)
                    .executeUpdate();
            em.createNativeQuery(
                            "insert into reevaluation_job (id, reason, course_id, causation_id, owner, heartbeat_at)"
                                    + " values (?1, 'course reclassified', cast(?2 as uuid), 'test', 'a replica that died',"
                                    + " now() - interval '10 minutes')")
                    .setParameter(1, job)
                    .setParameter(2, course)
                    .executeUpdate();
        });
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/v1/compliance/rebuild/{id}", job)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("DONE"))
                        .body("done", equalTo(3))
                        .body("failed", equalTo(0)));
        for (String agencyId : agencies) {
            given().get("/api/v1/agencies/{id}/compliance", agencyId).then().body("practices.mhfa.met", equalTo(true));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "campaign-admin")
    void aCertificationMadeBeforeAReclassificationButReadAfterItCountsForTheCourseAsItIsNow() {
        String course = UUID.randomUUID().toString();
        String agencyId = UUID.randomUUID().toString();
        List<String> officers = ComplianceChainTest.pledgedAgencyWithOfficers(bootstrapServers, agencyId, 1);
        TopicProbe producer = new TopicProbe(bootstrapServers);
        // training.events is keyed by course for course changes and by agency for certifications: the
        // reclassification can be read first although the certification was made an hour before it.
        producer.sendEvent("training.events", course, "onemind.training.course-changed.v1", """
                {"courseId": "%s", "name": "State Crisis Course", "categories": ["MHFA"], "validityMonths": null}""".formatted(course));
        Map<String, String> earlier =
                new HashMap<>(TopicProbe.eventHeaders("onemind.training.certification-recorded.v1", agencyId));
        earlier.put("ce_time", OffsetDateTime.now().minusHours(1).toString());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) em.createNativeQuery(
                                                        "select count(*) from course_view where course_id = cast(?1 as uuid)")
                                                .setParameter(1, course)
                                                .getSingleResult())
                                        .intValue()
                                == 1));
        producer.send("training.events", agencyId, certification(agencyId, officers.get(0), course), earlier);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                        .then()
                        .statusCode(200)
                        .body("practices.mhfa.swornTrained", equalTo(1))
                        .body("practices.mhfa.met", equalTo(true)));
    }

    @Test
    void aScheduledFiringRunsOnOneReplicaOnly() {
        // A minute of its own (a firing at second 59 plus one second would be the next minute's).
        Instant firing = Instant.parse("2031-01-01T00:30:00Z")
                .plusSeconds((UUID.randomUUID().getLeastSignificantBits() & 0xffff) * 60);
        assertTrue(jobs.claim("test-job", firing), "the first replica claims the firing");
        assertFalse(
                jobs.claim("test-job", firing.plusSeconds(1)), "another replica firing in the same minute does not");
    }
}
