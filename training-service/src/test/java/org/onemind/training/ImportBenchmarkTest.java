package org.onemind.training;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;
import org.postgresql.PGConnection;

/**
 * Prints figures, asserts nothing about speed (the machine is shared): a 10,000-row roster import
 * and a 10,000-certification class roster, rows per second, and the time until the last event is on
 * Kafka, beside PostgreSQL's own COPY of the same rows as the reference (TARGETS.md).
 * Run: ./mvnw verify -pl training-service -am -Pbenchmark
 */
@QuarkusTest
@Tag("benchmark")
@TestSecurity(user = "admin", roles = "campaign-admin")
class ImportBenchmarkTest {
    static final int ROWS = 10_000;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void importTenThousandRows() throws Exception {
        StringBuilder roster = new StringBuilder(ImportTest.HEADER);
        StringBuilder classRoster = new StringBuilder("employeeNumber,certificateNumber\n");
        for (int i = 0; i < ROWS; i++) {
            roster.append("E-")
                    .append(i)
                    .append(",First")
                    .append(i)
                    .append(",Last")
                    .append(i)
                    .append(",true,Officer,,2020-01-01\n");
            classRoster.append("E-").append(i).append(",CERT-").append(i).append('\n');
        }
        double copyRate = copyReference(roster.toString());

        String agency = Agencies.known();
        ImportTest.importRoster(agency, "employeeNumber,firstName,lastName,sworn\nWARM-1,A,B,true\n")
                .statusCode(200); // warm-up
        try (TopicProbe probe = new TopicProbe(bootstrapServers, "training.events")) {
            long start = System.nanoTime();
            ImportTest.importRoster(agency, roster.toString()).statusCode(200);
            long imported = System.nanoTime();
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() ->
                            probe.rowIds("onemind.training.personnel-imported.v1", agency, "personnel", "personnelId")
                                            .size()
                                    >= ROWS + 1);
            long onKafka = System.nanoTime();
            report("roster import", start, imported, onKafka, copyRate);

            start = System.nanoTime();
            given().contentType("text/csv")
                    .queryParam("courseId", TrainingApiTest.MHFA_COURSE)
                    .queryParam("completedOn", "2026-02-01")
                    .body(classRoster.toString())
                    .post("/api/v1/agencies/{id}/certifications/import", agency)
                    .then()
                    .statusCode(200);
            imported = System.nanoTime();
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> probe.rowIds(
                                            "onemind.training.certifications-recorded.v1",
                                            agency,
                                            "certifications",
                                            "certificationId")
                                    .size()
                            >= ROWS);
            onKafka = System.nanoTime();
            report("class-roster import", start, imported, onKafka, copyRate);
        }
    }

    /** PostgreSQL COPY of the same rows into a plain table on the same server: the reference rate. */
    double copyReference(String csv) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create temp table copy_reference (employee_number text, first_name text, last_name text,"
                    + " sworn boolean, role text, selected text, hired_on date)");
            long start = System.nanoTime();
            long rows = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy copy_reference from stdin with (format csv, header true)", new StringReader(csv));
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = rows / seconds;
            System.out.printf(
                    "%nBENCHMARK reference: PostgreSQL COPY of %d rows: %.0f ms, %.0f rows/s%n",
                    rows, seconds * 1000, rate);
            return rate;
        }
    }

    static void report(String what, long start, long imported, long onKafka, double copyRate) {
        double importSeconds = (imported - start) / 1e9;
        double totalSeconds = (onKafka - start) / 1e9;
        System.out.printf(
                "BENCHMARK %s of %d rows: response in %.0f ms (%.0f rows/s), last event on Kafka after %.0f ms"
                        + " (%.0f rows/s end to end, %.3f of COPY's rate; target >= 0.10)%n",
                what,
                ROWS,
                importSeconds * 1000,
                ROWS / importSeconds,
                totalSeconds * 1000,
                ROWS / totalSeconds,
                (ROWS / totalSeconds) / copyRate);
    }
}
