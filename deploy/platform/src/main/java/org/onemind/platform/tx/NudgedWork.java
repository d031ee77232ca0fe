package org.onemind.platform.tx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work that runs on its own threads when nudged (after a commit, by a poll): the outbox relay's
 * drain, the email dispatcher's senders. At most {@code threads} runs wait at once; a nudge beyond
 * that changes nothing, since a run that has not started yet will see whatever the nudge announced.
 */
public final class NudgedWork {
    private final ExecutorService executor;
    private final AtomicInteger queued = new AtomicInteger();
    private final int threads;
    private final Runnable work;

    /** @param name the threads' name ({@code name-1}, ... when there are several) */
    public NudgedWork(String name, int threads, Runnable work) {
        this.threads = threads;
        this.work = work;
        AtomicInteger number = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, threads == 1 ? name : name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for a run soon; returns at once. */
    public void nudge() {
        while (true) {
            int current = queued.get();
            if (current >= threads) {
                return;
            }
            if (queued.compareAndSet(current, current + 1)) {
                break;
            }
        }
        try {
            executor.execute(() -> {
                queued.decrementAndGet();
                work.run();
            });
        } catch (RejectedExecutionException shuttingDown) {
            queued.decrementAndGet(); // what it would have done waits for the next start
        }
    }

    /** Stops the threads (a run in progress is interrupted). */
    public void stop() {
        executor.shutdownNow();
    }
}
