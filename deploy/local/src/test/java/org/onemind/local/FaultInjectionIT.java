package org.onemind.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.onemind.infra.TopicProbe;

/**
 * Real faults on the whole stack, each counted as events in against effects out: the broker stopped
 * while certifications are recorded, training-service killed with SIGKILL in the middle of an import
 * and in the middle of publishing its outbox, and a second compliance-service instance joining and
 * then being killed while events flow. Every scenario prints one line of the fault table (what was
 * injected, events in, effects out, duplicates delivered, time to recover).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {
    static final String CIT_COURSE = "00000000-0000-4000-8000-00000000a002";
    static final String ROSTER_HEADER = "employeeNumber,firstName,lastName,sworn,role,selectedForTraining,hiredOn\n";
    static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = TestStacks.start("fault-test-data");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theBrokerStoppedForTwentySecondsWhileCertificationsAreRecordedLosesAndDoublesNothing() {
        String agency = agencyWithRoster("Broker Outage PD", null, 20);
        long stopped = System.nanoTime();
        stack.stopBroker();
        try {
            // Writes keep landing: each certification commits with its event in the outbox.
            for (int i = 0; i < 20; i++) {
                recordCitCertification(agency, "E-" + i);
            }
            long left = Duration.ofSeconds(20).toNanos() - (System.nanoTime() - stopped);
            await().pollDelay(Duration.ofNanos(Math.max(1, left)))
                    .atMost(Duration.ofSeconds(25))
                    .until(() -> true);
        } finally {
            stack.startBroker();
        }
        long restarted = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).until(() -> citTrained(agency) == 20);
        long recovered = System.nanoTime() - restarted;
        Delivered delivered = certificationsDelivered(agency, 20);
        report(
                "broker stopped ~20 s while 20 certifications were recorded",
                20,
                citTrained(agency),
                delivered,
                recovered);
        assertEquals(20, delivered.distinct(), "every certification was published");
        assertEquals(20, citTrained(agency), "and counted once in compliance");
    }

    @Test
    @Order(2)
    void trainingServiceKilledInTheMiddleOfAnImportKeepsAllOrNothingAndTheRetryCountsOnce() throws Exception {
        int size = 3000;
        String agency = agencyWithRoster("Killed Import PD", null, size);
        CompletableFuture<Integer> request =
                CompletableFuture.supplyAsync(() -> classRoster(agency, size).statusCode());
        // Kill it while the import's transaction is writing (or, on a fast day, just after it answered).
        await().atMost(Duration.ofSeconds(60)).until(() -> request.isDone() || activeImportInTraining());
        stack.kill("training-service");
        Integer answered = request.handle((status, failure) -> failure == null ? status : null)
                .get();
        long recorded =
                count("training", "select count(*) from certification where agency_id = cast(? as uuid)", agency);
        assertTrue(recorded == 0 || recorded == size, "all or nothing, found " + recorded);
        long restarting = System.nanoTime();
        stack.restart("training-service");
        if (recorded == 0) {
            // The client never got an answer (or got one from a rolled-back import): it sends the file again.
            assertEquals(200, classRoster(agency, size).statusCode());
        }
        await().atMost(Duration.ofSeconds(180)).until(() -> citTrained(agency) == size);
        long recovered = System.nanoTime() - restarting;
        Delivered delivered = certificationsDelivered(agency, size);
        report(
                "training-service SIGKILL mid-import of " + size + " rows (answer: "
                        + (answered == null ? "none" : answered) + ", committed before the kill: " + recorded + ")",
                size,
                citTrained(agency),
                delivered,
                recovered);
        assertEquals(size, delivered.distinct());
        assertEquals(
                size,
                count("training", "select count(*) from certification where agency_id = cast(? as uuid)", agency));
    }

    @Test
    @Order(3)
    void trainingServiceKilledWhilePublishingItsOutboxRepublishesAndConsumersApplyOnce() {
        int size = 4000;
        String agency = agencyWithRoster("Killed Relay PD", null, size);
        // The broker is away while the import commits, so its events wait in the outbox. training-service
        // then publishes them one event (a chunk of 1,000 certifications) at a time, so that there is a middle of the
        // relay to die in.
        stack.stopBroker();
        try {
            assertEquals(200, classRoster(agency, size).statusCode());
            stack.kill("training-service");
            stack.restart("training-service", Map.of("ONEMIND_OUTBOX_BATCH_SIZE", "1"));
        } finally {
            stack.startBroker();
        }
        String progress = "select count(*) from outbox_event where record_key = ? and sent_at is not null"
                + " and type = 'onemind.training.certifications-recorded.v1'";
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> count("training", progress, agency) > 0);
        stack.kill("training-service");
        long unsentAtKill = count(
                "training",
                "select count(*) from outbox_event where record_key = ? and sent_at is null"
                        + " and type = 'onemind.training.certifications-recorded.v1'",
                agency);
        long restarting = System.nanoTime();
        stack.restart("training-service");
        await().atMost(Duration.ofSeconds(180)).until(() -> citTrained(agency) == size);
        long recovered = System.nanoTime() - restarting;
        Delivered delivered = certificationsDelivered(agency, size);
        report(
                "training-service SIGKILL mid-relay (" + unsentAtKill + " of " + size + " events unsent at the kill)",
                size,
                citTrained(agency),
                delivered,
                recovered);
        assertEquals(size, delivered.distinct(), "every event published after the restart");
        assertEquals(
                0,
                count(
                        "training",
                        "select count(*) from outbox_event where record_key = ? and sent_at is null",
                        agency));
    }

    @Test
    @Order(4)
    void aSecondComplianceInstanceJoiningAndDyingWhileEventsFlowChangesNoFigureAndSendsNoSecondEmail() {
        String contact = "chief-" + UUID.randomUUID().toString().substring(0, 8) + "@rebalance.example";
        String agency = agencyWithRoster("Rebalance PD", contact, 50);
        String citMet = "Rebalance PD: Crisis Intervention Team is now met";
        long started = System.nanoTime();
        LocalStack.Replica second = stack.startReplica("compliance-service");
        try {
            for (int i = 0; i < 15; i++) {
                if (i == 8) {
                    second.kill(); // mid-flow: its partitions go back to the first instance
                }
                recordCitCertification(agency, "E-" + i);
            }
        } finally {
            second.close();
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> citTrained(agency) == 15);
        long recovered = System.nanoTime() - started;
        await().atMost(Duration.ofSeconds(60)).until(() -> subjects(contact).contains(citMet));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(15))
                .until(() -> subjects(contact).stream().filter(citMet::equals).count() == 1);
        Delivered delivered = certificationsDelivered(agency, 15);
        report(
                "second compliance-service joined, then SIGKILLed, while 15 certifications flowed",
                15,
                citTrained(agency),
                delivered,
                recovered);
        assertEquals(15, citTrained(agency));
        assertEquals(1, subjects(contact).stream().filter(citMet::equals).count(), "one email, not two");
    }

    // ---------------------------------------------------------------------------------------------

    record Delivered(long total, long distinct) {}

    /**
     * The certifications of the agency published on training.events (one per certification-recorded
     * event, many per certifications-recorded chunk of an import), once no more arrive; a certification
     * published twice counts twice in the total.
     */
    static Delivered certificationsDelivered(String agency, int expected) {
        try (TopicProbe topic = new TopicProbe(stack.kafkaBootstrapServers(), "training.events")) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Set.copyOf(certifications(topic, agency)).size() >= expected);
            java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong(-1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> {
                long now = certifications(topic, agency).size();
                return seen.getAndSet(now) == now; // nothing new since the last look
            });
            List<String> all = certifications(topic, agency);
            return new Delivered(all.size(), Set.copyOf(all).size());
        }
    }

    /** A CIT certification of the employee, completed three days ago; recorded (201) whatever else is down. */
    private static void recordCitCertification(String agency, String employeeNumber) {
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "employeeNumber",
                        employeeNumber,
                        "courseId",
                        CIT_COURSE,
                        "completedOn",
                        LocalDate.now().minusDays(3).toString(),
                        "deliveryMode",
                        "IN_PERSON"))
                .post(training() + "/api/v1/agencies/{id}/certifications", agency)
                .then()
                .statusCode(201);
    }

    private static List<String> certifications(TopicProbe topic, String agency) {
        List<String> ids = new java.util.ArrayList<>(topic.rowIds(
                "onemind.training.certifications-recorded.v1", agency, "certifications", "certificationId"));
        ids.addAll(topic.rowIds("onemind.training.certification-recorded.v1", agency, null, "certificationId"));
        return ids;
    }

    static void report(String fault, long eventsIn, long effectsOut, Delivered delivered, long recoveredNanos) {
        System.out.printf(
                "FAULT | %s | events in %d | effects out %d | certifications delivered %d (%d delivered twice,"
                        + " 0 applied twice) | recovered in %d ms%n",
                fault,
                eventsIn,
                effectsOut,
                delivered.total(),
                delivered.total() - delivered.distinct(),
                recoveredNanos / 1_000_000);
    }

    static List<String> subjects(String email) {
        var response = RestAssured.get(stack.mailApi() + "/api/user/" + email + "/messages/INBOX");
        return response.statusCode() == 200 ? response.jsonPath().getList("subject") : List.of();
    }

    static String admin() {
        return stack.demoToken("campaign-admin");
    }

    static String training() {
        return stack.url("training-service");
    }

    /** A pledged agency known to training-service with {@code sworn} officers E-0.. on its roster, counted by compliance. */
    static String agencyWithRoster(String name, String contact, int sworn) {
        String email =
                contact == null ? "chief-" + UUID.randomUUID().toString().substring(0, 8) + "@faults.example" : contact;
        String contacts = "[{\"name\": \"Chief\", \"email\": \"" + email + "\", \"role\": \"Chief\"}]";
        String agency = given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "%s", "type": "MUNICIPAL_POLICE", "city": "Macon", "state": "GA",
                         "declaredSworn": %d, "declaredNonSworn": 0, "contacts": %s}""".formatted(name, sworn, contacts))
                .post(stack.url("agency-service") + "/api/v1/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body("{\"pledgedOn\": \"%s\", \"targetCompletionOn\": \"%s\", \"signedBy\": \"Chief\"}"
                        .formatted(
                                LocalDate.now().minusDays(14), LocalDate.now().plusMonths(23)))
                .put(stack.url("agency-service") + "/api/v1/agencies/{id}/pledge", agency)
                .then()
                .statusCode(201);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(admin())
                                .get(training() + "/api/v1/agencies/{id}/personnel", agency)
                                .statusCode()
                        == 200);
        StringBuilder roster = new StringBuilder(ROSTER_HEADER);
        for (int i = 0; i < sworn; i++) {
            roster.append("E-").append(i).append(",Officer,No").append(i).append(",true,Officer,,\n");
        }
        given().auth()
                .oauth2(admin())
                .contentType("text/csv")
                .body(roster.toString())
                .post(training() + "/api/v1/agencies/{id}/personnel/import", agency)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(120)).until(() -> citSworn(agency) == sworn);
        return agency;
    }

    static Response classRoster(String agency, int size) {
        StringBuilder csv = new StringBuilder("employeeNumber,certificateNumber\n");
        for (int i = 0; i < size; i++) {
            csv.append("E-").append(i).append(",CIT-").append(i).append('\n');
        }
        return given().auth()
                .oauth2(admin())
                .contentType("text/csv")
                .body(csv.toString())
                .queryParam("courseId", CIT_COURSE)
                .queryParam("completedOn", LocalDate.now().minusDays(3).toString())
                .queryParam("deliveryMode", "IN_PERSON")
                .post(training() + "/api/v1/agencies/{id}/certifications/import", agency);
    }

    static int citTrained(String agency) {
        return practiceFigure(agency, "practices.cit.swornTrained");
    }

    static int citSworn(String agency) {
        return practiceFigure(agency, "practices.cit.sworn");
    }

    private static int practiceFigure(String agency, String path) {
        Response response = given().auth()
                .oauth2(admin())
                .get(stack.url("compliance-service") + "/api/v1/agencies/{id}/compliance", agency);
        if (response.statusCode() != 200) {
            return -1;
        }
        Integer value = response.path(path);
        return value == null ? -1 : value;
    }

    static boolean activeImportInTraining() {
        return count(
                        "postgres",
                        "select count(*) from pg_stat_activity where datname = 'training' and xact_start is not null"
                                + " and state in ('active', 'idle in transaction') and query ilike ?",
                        "%insert into certification%")
                > 0;
    }

    static long count(String database, String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "postgres");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
