package org.onemind.compliance;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints figures and asserts nothing about speed: the timeline of one agency with three years of daily
 * figures, and the campaign's timeline over 18,000 agencies with a change every two weeks for three
 * years (1.4 million kept evaluations), nationally and for one state; beside them, in the same run, a
 * full scan of the kept evaluations as the reference.
 * Run: ./mvnw verify -pl compliance-service -am -Pbenchmark
 */
@QuarkusTest
@Tag("benchmark")
@TestSecurity(user = "admin", roles = "campaign-admin")
class ProgressBenchmarkTest {
    static final int AGENCIES = 18_000;
    static final LocalDate TO = LocalDate.now(ZoneOffset.UTC);
    static final LocalDate FROM = TO.minusYears(3).plusDays(1);

    @Inject
    EntityManager em;

    @Test
    void figures() {
        UUID daily = UUID.randomUUID();
        long seeding = System.nanoTime();
        seed(daily);
        System.out.printf(
                "TIMELINE seeded 1 agency x 1,095 days and %,d agencies x 78 changes in %.1f s%n",
                AGENCIES, (System.nanoTime() - seeding) / 1e9);

        print(
                "agency, 3 years by day (1,095 points)",
                100,
                () -> given().queryParam("from", FROM.toString())
                        .queryParam("to", TO.toString())
                        .queryParam("granularity", "day")
                        .get("/api/v1/agencies/{id}/compliance/timeline", daily)
                        .then()
                        .statusCode(200));
        print(
                "agency, 3 years by week",
                100,
                () -> given().queryParam("from", FROM.toString())
                        .queryParam("granularity", "week")
                        .get("/api/v1/agencies/{id}/compliance/timeline", daily)
                        .then()
                        .statusCode(200));
        print(
                "national, 3 years by month",
                10,
                () -> given().queryParam("from", FROM.toString())
                        .queryParam("granularity", "month")
                        .get("/api/v1/compliance/timeline")
                        .then()
                        .statusCode(200));
        print(
                "national, 3 years by day",
                10,
                () -> given().queryParam("from", FROM.toString())
                        .queryParam("granularity", "day")
                        .get("/api/v1/compliance/timeline")
                        .then()
                        .statusCode(200));
        print(
                "one state (1/50), 3 years by week",
                20,
                () -> given().queryParam("from", FROM.toString())
                        .queryParam("state", "S7")
                        .get("/api/v1/compliance/timeline")
                        .then()
                        .statusCode(200));
        print(
                "reference: count(*) over every kept evaluation",
                10,
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("select count(*) from evaluation_change")
                                .getSingleResult()));
    }

    /** Runs the call twice to warm up, then {@code times} times; prints median and p99 in ms. */
    static void print(String what, int times, Supplier<?> call) {
        call.get();
        call.get();
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                "TIMELINE %-50s median %8.1f ms, p99 %8.1f ms (%d calls)%n",
                what, millis[times / 2], millis[Math.min(times - 1, (int) Math.ceil(times * 0.99) - 1)], times);
    }

    /**
     * Kept evaluations as the evaluator writes them (figures and their differences from the agency's
     * previous row): one agency changing every day, and 18,000 in 50 states changing every 14 days.
     */
    void seed(UUID daily) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into agency_view (agency_id, name, state) values (?1, 'Daily PD', 'S0')")
                    .setParameter(1, daily)
                    .executeUpdate();
            em.createNativeQuery(row(
                                    "cast(?1 as uuid)",
                                    "cast(cast(?2 as date) + d as timestamptz) + interval '12 hours'",
                                    "d",
                                    "d")
                            + " from generate_series(0, 1094) d")
                    .setParameter(1, daily)
                    .setParameter(2, FROM)
                    .executeUpdate();
            em.createNativeQuery(
                            "insert into agency_view (agency_id, name, state)"
                                    + " select cast(md5('bench' || a) as uuid), 'PD ' || a, 'S' || (a % 50) from generate_series(1, ?1) a")
                    .setParameter(1, AGENCIES)
                    .executeUpdate();
        });
        // In slices, so no transaction holds a million rows.
        for (int slice = 1; slice <= AGENCIES; slice += 2_000) {
            int first = slice;
            int last = Math.min(AGENCIES, slice + 1_999);
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(row(
                                            "cast(md5('bench' || a) as uuid)",
                                            "cast(cast(?1 as date) + c * 14 + a % 14 as timestamptz) + interval '9 hours'",
                                            "c",
                                            "c")
                                    + " from generate_series(?2, ?3) a, generate_series(0, 77) c")
                            .setParameter(1, FROM)
                            .setParameter(2, first)
                            .setParameter(3, last)
                            .executeUpdate());
        }
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("analyze evaluation_change").executeUpdate());
    }

    /**
     * The insert of one kept evaluation per generated row: step {@code n} (0 first) of an agency of 200
     * sworn officers that trains one more officer a step; {@code first} is 0 on its first row.
     */
    static String row(String agency, String at, String n, String first) {
        return "insert into evaluation_change (agency_id, evaluated_at, causation_id, changes, body, eligible,"
                + " partnership_met, policy_met, mhfa_met, cit_met, partnerships, sworn, mhfa_trained, mhfa_required,"
                + " cit_trained, cit_required, d_agencies, d_eligible, d_partnership, d_policy, d_mhfa, d_cit,"
                + " d_sworn, d_mhfa_trained, d_mhfa_required, d_cit_trained, d_cit_required)"
                + " select " + agency + ", " + at + ", 'benchmark', '[]', '{}', false, true, true, false,"
                + " least(" + n + ", 40) >= 40, 1, 200, " + n + ", 200, least(" + n + ", 40), 40,"
                + " case when " + first + " = 0 then 1 else 0 end, 0,"
                + " case when " + first + " = 0 then 1 else 0 end, case when " + first + " = 0 then 1 else 0 end, 0,"
                + " case when " + n + " = 40 then 1 else 0 end,"
                + " case when " + first + " = 0 then 200 else 0 end, case when " + first + " = 0 then 0 else 1 end,"
                + " case when " + first + " = 0 then 200 else 0 end,"
                + " case when " + first + " = 0 then 0 when " + n + " <= 40 then 1 else 0 end,"
                + " case when " + first + " = 0 then 40 else 0 end";
    }
}
