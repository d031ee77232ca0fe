package org.onemind.training;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TestTokens;

/**
 * Prints figures, asserts nothing about memory or speed (the machine is shared): the live heap
 * (after a full GC, sampled every 50 ms) while the service refuses a 20 MB CSV of tiny rows
 * (1.6 M rows, over the 100,000-row cap) and while it imports 100,000 rows, beside the reference of
 * the same run: the live heap of holding that 20 MB file as text, which the import did before it
 * read a row. The files are generated while they are written to a plain socket, so the client
 * (in the same JVM) holds no more than a buffer of them.
 * Run: ./mvnw verify -pl training-service -am -Pbenchmark
 */
@QuarkusTest
@Tag("benchmark")
class ImportMemoryBenchmarkTest {
    static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    static final int TWENTY_MB = 20 * 1024 * 1024;
    static final String TINY_HEADER = "employeeNumber,firstName,lastName,sworn\n";
    static final IntFunction<String> TINY_ROW = i -> Integer.toString(i, 36) + ",a,b,true\n";

    @TestHTTPResource("/")
    URL base;

    @Test
    void heapStaysFlatWhateverTheFile() throws Exception {
        String agency = Agencies.known();
        String token = TestTokens.campaignAdmin();

        long reference = liveHeapWhile(samples -> {
            String held = new String(
                    generated(TINY_HEADER, TINY_ROW, Integer.MAX_VALUE, TWENTY_MB)
                            .readAllBytes(),
                    StandardCharsets.UTF_8); // what reading the whole file used to hold
            int until = samples.get() + 3;
            while (samples.get() < until) {
                Thread.onSpinWait();
            }
            return held.length();
        });
        System.out.printf("%nBENCHMARK reference: the 20 MB file held as text: live heap +%d MB%n", reference >> 20);

        long refused = liveHeapWhile(samples ->
                send(token, agency, () -> generated(TINY_HEADER, TINY_ROW, Integer.MAX_VALUE, TWENTY_MB), 413));
        System.out.printf(
                "BENCHMARK 20 MB of tiny rows (about 1.6 M rows; refused at the 100,000-row cap): live heap +%d MB,"
                        + " %.2f of the reference%n",
                refused >> 20, (double) refused / Math.max(1, reference));

        long justOver = liveHeapWhile(samples ->
                send(token, agency, () -> generated(TINY_HEADER, TINY_ROW, 100_001, Integer.MAX_VALUE), 413));
        System.out.printf(
                "BENCHMARK 100,001 tiny rows (1.3 MB; refused at the cap): live heap +%d MB%n", justOver >> 20);

        long start = System.nanoTime();
        long imported = liveHeapWhile(samples -> send(
                token,
                agency,
                () -> generated(
                        "employeeNumber,firstName,lastName,sworn,role,selectedForTraining,hiredOn\n",
                        i -> "B-" + i + ",First" + i + ",Last" + i + ",true,Officer,,2020-01-01\n",
                        100_000,
                        Integer.MAX_VALUE),
                200));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "BENCHMARK 100,000-row roster import: answered 200 after %.1f s with full GCs every 50 ms,"
                        + " live heap +%d MB, %.2f of the reference%n",
                seconds, imported >> 20, (double) imported / Math.max(1, reference));
    }

    /** Sends the file with its Content-Length over a blocking socket and checks the status the service answers. */
    private int send(String token, String agency, Supplier<InputStream> file, int expected) throws IOException {
        long length;
        try (InputStream counting = file.get()) {
            length = counting.transferTo(OutputStream.nullOutputStream());
        }
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            String head = "POST /api/v1/agencies/" + agency + "/personnel/import HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: text/csv\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n";
            try (InputStream body = file.get()) {
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                body.transferTo(out);
                out.flush();
            } catch (IOException closedEarly) {
                // The service answered (413) and closed before reading it all: what it refused it never held.
            }
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            int code = Integer.parseInt(status.substring(9, 12));
            if (code != expected) {
                throw new AssertionError("expected " + expected + ", got " + status);
            }
            return code;
        }
    }

    /** A CSV generated while it is read: the header, then rows until either limit. */
    static InputStream generated(String header, IntFunction<String> row, int rows, int bytes) {
        return new InputStream() {
            byte[] current = header.getBytes(StandardCharsets.US_ASCII);
            int at;
            int next;
            long sent;

            @Override
            public int read() {
                if (at == current.length) {
                    if (next >= rows || sent >= bytes) {
                        return -1;
                    }
                    current = row.apply(next++).getBytes(StandardCharsets.US_ASCII);
                    at = 0;
                }
                sent++;
                return current[at++] & 0xff;
            }
        };
    }

    /** The most live heap (used right after a full GC) above the level before, sampled every 50 ms while the work runs. */
    static long liveHeapWhile(Work work) throws Exception {
        System.gc();
        long before = MEMORY.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicInteger samples = new AtomicInteger();
        java.util.concurrent.ScheduledExecutorService sampler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(
                () -> {
                    System.gc();
                    peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                    samples.incrementAndGet();
                },
                0,
                50,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            work.run(samples);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        return Math.max(0, peak.get() - before);
    }

    @FunctionalInterface
    interface Work {
        Object run(AtomicInteger samples) throws Exception;
    }
}
