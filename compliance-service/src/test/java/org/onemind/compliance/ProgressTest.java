package org.onemind.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.compliance.timeline.EvaluationLog;
import org.onemind.compliance.timeline.Figures;
import org.onemind.infra.TopicProbe;

/**
 * The timeline and the completion forecast, from evaluations of events sent through Kafka. Earlier days
 * are recorded first through the service's own log ({@link EvaluationLog}), as its evaluations then
 * would have been: a test cannot wait eight weeks.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "campaign-admin")
class ProgressTest {
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EvaluationLog log;

    void send(String topic, String agencyId, String type, String body) {
        new TopicProbe(bootstrapServers).sendEvent(topic, agencyId, type, body);
    }

    /** What an evaluation on {@code daysAgo} kept: {@code sworn} officers, {@code mhfaTrained} of them with MHFA. */
    void keptEarlier(String agencyId, int daysAgo, int sworn, int mhfaTrained) {
        Figures figures =
                new Figures(false, true, true, false, true, 1, sworn, mhfaTrained, sworn, sworn, (sworn + 4) / 5);
        OffsetDateTime at = TODAY.minusDays(daysAgo).atTime(12, 0).atOffset(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew()
                .run(() -> log.record(UUID.fromString(agencyId), at, "earlier", "[]", "{}", figures));
    }

    /**
     * A pledged agency in its own state with a partnership, a policy, {@code sworn} officers all holding CIT,
     * and MHFA for {@code mhfaTrained} of them, recorded one certification at a time.
     */
    List<String> agency(String agencyId, String state, LocalDate target, int sworn, int mhfaTrained) {
        List<String> officers = new java.util.ArrayList<>();
        send("agency.events", agencyId, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "PD", "type": "SHERIFF", "city": "C", "state": "%s", "country": "US",
                 "declaredSworn": %d, "declaredNonSworn": 0, "contacts": []}""".formatted(agencyId, state, sworn));
        send("agency.events", agencyId, "onemind.agency.pledge-taken.v1", """
                {"agencyId": "%s", "pledgedOn": "%s", "targetCompletionOn": "%s"}""".formatted(
                        agencyId, TODAY.minusMonths(6), target));
        send("agency.events", agencyId, "onemind.agency.partnership-established.v1", """
                {"agencyId": "%s", "partnershipId": "%s", "organizationId": "%s", "organizationName": "Partner",
                 "organizationKind": "MENTAL_HEALTH_PROVIDER", "mouSignedOn": "2025-01-01"}""".formatted(
                        agencyId, UUID.randomUUID(), UUID.randomUUID()));
        send("agency.events", agencyId, "onemind.agency.policy-adopted.v1", """
                {"agencyId": "%s", "title": "Model policy", "adoptedOn": "2025-01-01", "components": []}""".formatted(agencyId));
        for (int i = 0; i < sworn; i++) {
            String person = UUID.randomUUID().toString();
            officers.add(person);
            send("training.events", agencyId, "onemind.training.personnel-added.v1", """
                    {"agencyId": "%s", "personnelId": "%s", "sworn": true, "selectedForTraining": false, "hiredOn": null}""".formatted(agencyId, person));
            certification(agencyId, person, i < mhfaTrained ? "[\"CIT\", \"MHFA\"]" : "[\"CIT\"]");
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agencyId)
                        .then()
                        .statusCode(200)
                        .body("practices.cit.swornTrained", equalTo(sworn))
                        .body("practices.mhfa.swornTrained", equalTo(mhfaTrained))
                        .body("practices.policy.met", equalTo(true))
                        .body("deadlineStatus", not(equalTo("NOT_PLEDGED"))));
        return officers;
    }

    void certification(String agencyId, String person, String categories) {
        send("training.events", agencyId, "onemind.training.certification-recorded.v1", """
                {"agencyId": "%s", "certificationId": "%s", "personnelId": "%s", "courseId": "%s", "categories": %s,
                 "completedOn": "2025-01-01", "expiresOn": null, "deliveryMode": "IN_PERSON"}""".formatted(
                        agencyId, UUID.randomUUID(), person, UUID.randomUUID(), categories));
    }

    static String state() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theTimelineShowsEveryChangeOfTheFiguresAsOfEachDayForTheAgencyAndItsState() {
        String agency = UUID.randomUUID().toString();
        String state = state();
        keptEarlier(agency, 10, 5, 1);
        List<String> officers = agency(agency, state, TODAY.plusYears(1), 5, 3);
        certification(agency, officers.get(3), "[\"MHFA\"]");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agency)
                        .then()
                        .body("practices.mhfa.swornTrained", equalTo(4)));

        // A certification that moved only a count is in the history (before, it kept standing changes only).
        given().queryParam("size", 500)
                .get("/api/v1/agencies/{id}/compliance/history", agency)
                .then()
                .statusCode(200)
                .body("items[0].changes.size()", equalTo(0))
                .body("items[0].evaluation.practices.mhfa.swornTrained", equalTo(4));

        given().queryParam("from", TODAY.minusDays(12).toString())
                .queryParam("granularity", "day")
                .get("/api/v1/agencies/{id}/compliance/timeline", agency)
                .then()
                .statusCode(200)
                .body("coveredFrom", equalTo(TODAY.minusDays(10).toString()))
                .body("to", equalTo(TODAY.toString()))
                .body("points.size()", equalTo(11))
                .body("points[0].date", equalTo(TODAY.minusDays(10).toString()))
                .body("points[0].mhfa.trained", equalTo(1))
                .body("points[0].mhfa.share", equalTo(0.2f))
                .body("points[9].mhfa.trained", equalTo(1))
                .body("points[10].date", equalTo(TODAY.toString()))
                .body("points[10].mhfa.trained", equalTo(4))
                .body("points[10].mhfa.required", equalTo(5))
                .body("points[10].mhfa.met", equalTo(false))
                .body("points[10].cit.trained", equalTo(5))
                .body("points[10].cit.required", equalTo(1))
                .body("points[10].cit.met", equalTo(true))
                .body("points[10].partnership.met", equalTo(true));

        // As of a day the data covers: the figures of that day, not today's.
        given().queryParam("from", TODAY.minusDays(40).toString())
                .queryParam("to", TODAY.minusDays(5).toString())
                .queryParam("granularity", "month")
                .get("/api/v1/agencies/{id}/compliance/timeline", agency)
                .then()
                .statusCode(200)
                .body("points[-1].date", equalTo(TODAY.minusDays(5).toString()))
                .body("points[-1].mhfa.trained", equalTo(1));

        // The state's timeline sums its agencies' differences: the same figures for its only agency.
        given().queryParam("state", state)
                .queryParam("from", TODAY.minusDays(11).toString())
                .queryParam("granularity", "day")
                .get("/api/v1/compliance/timeline")
                .then()
                .statusCode(200)
                .body("state", equalTo(state.toUpperCase()))
                .body("points.size()", equalTo(12))
                .body("points[0].agencies", equalTo(0))
                .body("points[1].agencies", equalTo(1))
                .body("points[1].mhfa.trained", equalTo(1))
                .body("points[11].agencies", equalTo(1))
                .body("points[11].mhfa.trained", equalTo(4))
                .body("points[11].mhfa.required", equalTo(5))
                .body("points[11].mhfa.agenciesMet", equalTo(0))
                .body("points[11].cit.agenciesMet", equalTo(1))
                .body("points[11].partnership.agenciesMet", equalTo(1));
    }

    @Test
    void aTimelineRefusesSpansAChartCannotUseInTheApisWords() {
        String agency = UUID.randomUUID().toString();
        agency(agency, state(), TODAY.plusYears(1), 1, 1);
        given().queryParam("granularity", "hour")
                .get("/api/v1/agencies/{id}/compliance/timeline", agency)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("granularity"));
        given().queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-01")
                .get("/api/v1/compliance/timeline")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().queryParam("from", "2020-01-01")
                .queryParam("to", "2026-01-01")
                .queryParam("granularity", "day")
                .get("/api/v1/agencies/{id}/compliance/timeline", agency)
                .then()
                .statusCode(400)
                .body("detail", containsString("coarser granularity"));
        given().queryParam("from", "2020-01-01")
                .queryParam("to", "2026-01-01")
                .queryParam("granularity", "month")
                .get("/api/v1/agencies/{id}/compliance/timeline", agency)
                .then()
                .statusCode(200)
                .body("points.size()", equalTo(0));
        given().get("/api/v1/agencies/{id}/compliance/timeline", UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void aPaceThatMissesTheTargetIsAtRiskAnnouncedOnceAndCountedByTheCampaign() {
        String agency = UUID.randomUUID().toString();
        String state = state();
        // Ten officers, none with MHFA eight weeks ago; two now: a quarter of a person a week, 8 to go.
        keptEarlier(agency, 7 * 8 + 1, 10, 0);
        LocalDate target = TODAY.plusWeeks(10);
        try (TopicProbe compliance = new TopicProbe(bootstrapServers, "compliance.events")) {
            agency(agency, state, target, 10, 2);

            given().get("/api/v1/agencies/{id}/compliance/forecast", agency)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("AT_RISK"))
                    .body("targetCompletionOn", equalTo(target.toString()))
                    .body("paceFrom", equalTo(TODAY.minusWeeks(8).toString()))
                    .body("practices.size()", equalTo(1))
                    .body("practices[0].practice", equalTo("MHFA"))
                    .body("practices[0].shortfall", equalTo(8))
                    .body("practices[0].pacePerWeek", equalTo(0.3f))
                    .body(
                            "practices[0].projectedOn",
                            equalTo(TODAY.plusWeeks(32).toString()))
                    .body("practices[0].neededPerWeek", equalTo(0.8f))
                    .body("assumptions.size()", org.hamcrest.Matchers.greaterThan(3));
            given().queryParam("state", state)
                    .get("/api/v1/compliance/summary")
                    .then()
                    .body("byForecast.AT_RISK", equalTo(1))
                    .body("byForecast.ON_PACE", equalTo(0));

            // More evaluations while still at risk: still one announcement.
            String person = UUID.randomUUID().toString();
            send("training.events", agency, "onemind.training.personnel-added.v1", """
                    {"agencyId": "%s", "personnelId": "%s", "sworn": true, "selectedForTraining": false, "hiredOn": null}""".formatted(agency, person));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance", agency)
                            .then()
                            .body("practices.mhfa.sworn", equalTo(11)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> announcements(compliance, agency).size() == 1);
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> announcements(compliance, agency).size() == 1);
            String announced = announcements(compliance, agency).get(0);
            assertTrue(announced.contains("\"targetCompletionOn\":\"" + target + "\""), announced);
            assertTrue(announced.contains("\"practice\":\"MHFA\""), announced);
            assertTrue(announced.contains("\"status\":\"AT_RISK\""), announced);
        }
    }

    @Test
    void anAgencyWithoutAnActivePledgeHasNoForecastAndNoHistoryMeansNoProgress() {
        String unpledged = UUID.randomUUID().toString();
        send("agency.events", unpledged, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "PD", "type": "SHERIFF", "city": "C", "state": "%s", "country": "US",
                 "declaredSworn": 1, "declaredNonSworn": 0, "contacts": []}""".formatted(unpledged, state()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/agencies/{id}/compliance/forecast", unpledged)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(null))
                        .body("practices.size()", equalTo(0)));

        String fresh = UUID.randomUUID().toString();
        agency(fresh, state(), TODAY.plusYears(1), 5, 1);
        given().get("/api/v1/agencies/{id}/compliance/forecast", fresh)
                .then()
                .body("status", equalTo("NO_PROGRESS"))
                .body("paceFrom", equalTo(null))
                .body("practices[0].shortfall", equalTo(4))
                .body("practices[0].projectedOn", equalTo(null));
    }

    static List<String> announcements(TopicProbe compliance, String agency) {
        List<String> values = compliance.recordsOfType("onemind.compliance.forecast-at-risk.v1").stream()
                .filter(r -> agency.equals(r.key()))
                .map(r -> r.value())
                .toList();
        assertEquals(values.size(), values.stream().distinct().count(), "no record twice");
        return values;
    }
}
