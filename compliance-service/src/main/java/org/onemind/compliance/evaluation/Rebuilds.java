package org.onemind.compliance.evaluation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Recomputes every agency's evaluation from the read models: after a rule-edition change, a
 * restore, and every night. Each agency is evaluated in its own transaction under the same
 * per-agency lock as event processing, so events may keep arriving while it runs.
 */
@ApplicationScoped
public class Rebuilds {
    private static final Logger LOG = Logger.getLogger(Rebuilds.class);

    @Inject
    EntityManager em;

    @Inject
    Evaluator evaluator;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "compliance-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Progress> jobs = new ConcurrentHashMap<>();
    private final AtomicReference<Progress> running = new AtomicReference<>();

    public static final class Progress {
        final UUID id = UUID.randomUUID();
        final String reason;
        final Instant startedAt = Instant.now();
        volatile int total;
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        volatile Instant finishedAt;

        Progress(String reason) {
            this.reason = reason;
        }

        public RebuildStatus status() {
            return new RebuildStatus(id, reason, finishedAt == null ? "RUNNING" : "DONE", total, done.get(),
                    failed.get(), startedAt, finishedAt);
        }
    }

    public record RebuildStatus(UUID id, String reason, String state, int total, int done, int failed,
                                Instant startedAt, Instant finishedAt) {
    }

    /** Starts a rebuild, or returns the one already running. */
    public RebuildStatus start(String reason) {
        Progress progress = new Progress(reason);
        if (!running.compareAndSet(null, progress)) {
            return running.get().status();
        }
        jobs.put(progress.id, progress);
        worker.execute(() -> run(progress));
        return progress.status();
    }

    public java.util.Optional<RebuildStatus> status(UUID id) {
        return java.util.Optional.ofNullable(jobs.get(id)).map(Progress::status);
    }

    /** Runs a rebuild on the calling thread (the nightly job) and reports how it went. */
    public RebuildStatus runNow(String reason) {
        Progress progress = new Progress(reason);
        if (!running.compareAndSet(null, progress)) {
            return running.get().status();
        }
        jobs.put(progress.id, progress);
        run(progress);
        return progress.status();
    }

    @SuppressWarnings("unchecked")
    private void run(Progress progress) {
        try {
            List<UUID> agencies = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select agency_id from agency_view union select agency_id from personnel_view"
                            + " union select agency_id from certification_view", UUID.class).getResultList());
            progress.total = agencies.size();
            String causation = "rebuild:" + progress.id;
            for (UUID agency : agencies) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> evaluator.reevaluate(agency, causation));
                    progress.done.incrementAndGet();
                } catch (RuntimeException e) {
                    progress.failed.incrementAndGet();
                    LOG.errorf(e, "rebuild %s could not evaluate agency %s", progress.id, agency);
                }
            }
        } finally {
            progress.finishedAt = Instant.now();
            running.set(null);
            LOG.infof("rebuild %s (%s): %d agencies, %d failed, %d ms", progress.id, progress.reason,
                    progress.done.get(), progress.failed.get(),
                    progress.finishedAt.toEpochMilli() - progress.startedAt.toEpochMilli());
        }
    }

    /** A changed rule edition re-evaluates every agency (RULES.md). */
    void onStart(@Observes StartupEvent event) {
        String edition = evaluator.edition().label();
        Number stale = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select count(*) from evaluation where rule_edition <> ?1").setParameter(1, edition).getSingleResult());
        if (stale.longValue() > 0) {
            LOG.infof("%d evaluations were made under another rule edition; re-evaluating every agency under %s",
                    stale.longValue(), edition);
            start("rule edition changed to " + edition);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }
}
