package org.onemind.platform.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Fixed-window request counts shared by every replica through the database, without a database
 * write per request: each replica counts in memory and, every {@code onemind.rate-limits.sync-interval}
 * (1 s), adds what it counted to the window's row and reads back the total of all replicas, in
 * one statement. A request is judged on that total plus what this replica counted since, so
 * replicas together may exceed a limit by at most what they admit in one interval. (A write per
 * request made every request of one caller wait on the same row's commit: a partner's or a
 * frontend's requests were limited to one per WAL flush.) If the database cannot take the counts,
 * they are kept for the next interval and requests pass on this replica's own count.
 */
@ApplicationScoped
public class SharedWindowCounts {
    private static final Logger LOG = Logger.getLogger(SharedWindowCounts.class);
    /** The most windows one sync writes; the rest wait for the next. */
    private static final int MAX_PER_SYNC = 5000;
    /**
     * A window this replica counted nothing in since the last sync is still read back while it was
     * used this recently (its caller is active here); older ones are left alone, so that thousands of
     * per-agency windows used once an hour cost nothing between their requests.
     */
    private static final long REFRESH_RECENTLY_USED_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    record Window(String key, long start) {}

    private static final class Count {
        final long endsAt;
        final AtomicLong unsynced = new AtomicLong();
        volatile long shared;
        volatile long syncing;
        volatile long lastUsed = System.nanoTime();

        Count(long endsAt) {
            this.endsAt = endsAt;
        }

        long total() {
            return shared + syncing + unsynced.get();
        }
    }

    @Inject
    AgroalDataSource dataSource;

    private final Map<Window, Count> counts = new ConcurrentHashMap<>();
    private volatile Instant lastFailureLogged = Instant.EPOCH;

    /** Counts one request in the window. @return the window's count with this request, as this replica knows it */
    public long increment(String key, long windowStart, long windowSeconds) {
        Count count = counts.computeIfAbsent(
                new Window(key.length() > 300 ? key.substring(0, 300) : key, windowStart),
                w -> new Count(windowStart + windowSeconds));
        count.unsynced.incrementAndGet();
        count.lastUsed = System.nanoTime();
        return count.total();
    }

    /** Adds this replica's counts to the shared rows and reads back every replica's totals. */
    @Scheduled(
            every = "${onemind.rate-limits.sync-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sync() {
        long now = Instant.now().getEpochSecond();
        long nanos = System.nanoTime();
        counts.entrySet()
                .removeIf(
                        e -> e.getValue().endsAt <= now && e.getValue().unsynced.get() == 0);
        List<Map.Entry<Window, Count>> batch = new ArrayList<>();
        for (Map.Entry<Window, Count> entry : counts.entrySet()) {
            Count count = entry.getValue();
            if (count.unsynced.get() > 0
                    || count.endsAt > now && nanos - count.lastUsed < REFRESH_RECENTLY_USED_NANOS) {
                batch.add(entry);
            }
            if (batch.size() == MAX_PER_SYNC) {
                break;
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        String[] keys = new String[batch.size()];
        Timestamp[] starts = new Timestamp[batch.size()];
        Long[] deltas = new Long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Count count = batch.get(i).getValue();
            long delta = count.unsynced.getAndSet(0);
            count.syncing = delta;
            keys[i] = batch.get(i).getKey().key();
            starts[i] =
                    Timestamp.from(Instant.ofEpochSecond(batch.get(i).getKey().start()));
            deltas[i] = delta;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Counts are advisory: a crash may lose the last interval's, which is not worth a WAL flush.
                statement.execute("set local synchronous_commit = off");
            }
            try (PreparedStatement upsert =
                    connection.prepareStatement("insert into rate_limit_window (limit_key, window_start, count)"
                            + " select * from unnest(?::text[], ?::timestamptz[], ?::bigint[]) order by 1, 2"
                            + " on conflict (limit_key, window_start) do update set count = rate_limit_window.count + excluded.count"
                            + " returning limit_key, window_start, count")) {
                upsert.setArray(1, connection.createArrayOf("text", keys));
                upsert.setArray(2, connection.createArrayOf("timestamptz", starts));
                upsert.setArray(3, connection.createArrayOf("bigint", deltas));
                try (ResultSet rows = upsert.executeQuery()) {
                    while (rows.next()) {
                        Count count = counts.get(new Window(
                                rows.getString(1),
                                rows.getTimestamp(2).toInstant().getEpochSecond()));
                        if (count != null) {
                            count.shared = rows.getLong(3);
                        }
                    }
                }
            }
            connection.commit();
            batch.forEach(entry -> entry.getValue().syncing = 0);
        } catch (SQLException e) {
            for (int i = 0; i < batch.size(); i++) {
                Count count = batch.get(i).getValue();
                count.unsynced.addAndGet(deltas[i]);
                count.syncing = 0;
            }
            if (Instant.now().isAfter(lastFailureLogged.plusSeconds(60))) {
                lastFailureLogged = Instant.now();
                LOG.warnf(
                        "rate-limit counts not shared with the other replicas for now (counted here meanwhile): %s",
                        e.getMessage());
            }
        }
    }
}
