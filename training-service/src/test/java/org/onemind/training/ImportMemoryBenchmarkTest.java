package org.onemind.training;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;

/**
 * Prints figures, asserts nothing about memory or speed (the machine is shared): the heap used
 * while the service refuses a 20 MB CSV of tiny rows (1.4 M rows, over the 100,000-row cap) and
 * while it imports 100,000 rows, beside the reference of the same run: the heap it takes just to
 * hold the 20 MB file as text, which the import used to do before reading a row.
 * Run: ./mvnw verify -pl training-service -am -Pbenchmark
 */
@QuarkusTest
@Tag("benchmark")
@TestSecurity(user = "admin", roles = "campaign-admin")
class ImportMemoryBenchmarkTest {
    static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Test
    void heapStaysFlatWhateverTheFile() throws Exception {
        String agency = Agencies.known();
        byte[] tinyRows = tinyRows(20 * 1024 * 1024);
        ImportTest.importRoster(agency, "employeeNumber,firstName,lastName,sworn\nWARM-1,A,B,true\n").statusCode(200);

        long reference = peakWhile(() -> {
            String held = new String(tinyRows, StandardCharsets.UTF_8); // what reading the whole file used to hold
            if (held.isEmpty()) {
                throw new IllegalStateException();
            }
        });
        System.out.printf("%nBENCHMARK reference: holding the 20 MB file as text: peak heap +%d MB%n", reference >> 20);

        long refused = peakWhile(() -> given().contentType("text/csv").body(tinyRows)
                .post("/api/v1/agencies/{id}/personnel/import", agency).then().statusCode(413));
        System.out.printf("BENCHMARK 20 MB of tiny rows (%d rows, refused at the 100,000-row cap): peak heap +%d MB,"
                + " %.2f of the reference%n", tinyRows.length / 13, refused >> 20, (double) refused / reference);

        StringBuilder roster = new StringBuilder("employeeNumber,firstName,lastName,sworn,role,selectedForTraining,hiredOn\n");
        for (int i = 0; i < 100_000; i++) {
            roster.append("B-").append(i).append(",First").append(i).append(",Last").append(i).append(",true,Officer,,2020-01-01\n");
        }
        byte[] body = roster.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        long imported = peakWhile(() -> ImportTest.importRoster(agency, new String(body, StandardCharsets.UTF_8)).statusCode(200));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCHMARK 100,000-row roster import (%d MB): answered 200 in %.1f s (%.0f rows/s), peak heap +%d MB,"
                + " %.2f of the reference%n", body.length >> 20, seconds, 100_000 / seconds, imported >> 20, (double) imported / reference);
    }

    /** 13-byte rows ("T0000001,a,b,true\n" shortened) up to the given size. */
    static byte[] tinyRows(int size) {
        StringBuilder csv = new StringBuilder(size + 64).append("employeeNumber,firstName,lastName,sworn\n");
        for (int i = 0; csv.length() < size; i++) {
            csv.append(Integer.toString(i, 36)).append(",a,b,true\n");
        }
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The most heap used above the level before, sampled every 2 ms while the work runs (after a GC). */
    static long peakWhile(Runnable work) throws InterruptedException {
        System.gc();
        long before = MEMORY.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            work.run();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        return Math.max(0, peak.get() - before);
    }
}
