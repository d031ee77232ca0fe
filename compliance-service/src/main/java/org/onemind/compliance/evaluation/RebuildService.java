package org.onemind.compliance.evaluation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.onemind.platform.inbox.Failures;
import org.onemind.platform.tx.AfterCommit;
import org.onemind.platform.tx.Jdbc;

/**
 * Re-evaluates many agencies: every agency (a rule-edition change, a restore, every night) or those
 * with certifications of one reclassified course. A job is a row of {@code reevaluation_job}; it
 * works through its agencies in id order, in chunks, each agency in its own transaction under the
 * same per-agency lock as event processing, and records its progress after every chunk. So 20,000
 * agencies never share one transaction (nor its lock table), events keep flowing meanwhile, any
 * replica answers for the progress, and a job whose replica died (its heartbeat went stale) is
 * taken over by another from its last agency.
 */
@ApplicationScoped
public class RebuildService {
    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    private static final String OWNER = org.onemind.platform.scheduling.ScheduledJobs.REPLICA;

    @Inject
    EntityManager em;

    @Inject
    Evaluator evaluator;

    @Inject
    AfterCommit afterCommit;

    @Inject
    ComplianceConfig config;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "compliance-reevaluation");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    /** A re-evaluation job; {@code courseId} is set for a course reclassification, null for every agency. */
    public record RebuildStatus(
            UUID id,
            String reason,
            UUID courseId,
            String state,
            int total,
            int done,
            int failed,
            Instant startedAt,
            Instant finishedAt) {}

    /** Starts re-evaluating every agency, or answers the full re-evaluation already running. */
    public RebuildStatus start(String reason) {
        RebuildStatus status = QuarkusTransaction.requiringNew().call(() -> {
            // One full re-evaluation at a time across replicas.
            em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                    .setParameter(1, 0x72656275696c64L)
                    .getSingleResult();
            Optional<RebuildStatus> running = find("state = 'RUNNING' and course_id is null");
            return running.orElseGet(
                    () -> status(insert(reason, null, "rebuild")).orElseThrow());
        });
        nudge();
        return status;
    }

    /**
     * Schedules the re-evaluation of every agency with certifications of {@code courseId}, in the
     * caller's transaction (the consumer's: it commits with the reclassification and the event's
     * processed record, or not at all).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID startForCourse(UUID courseId, String causationId) {
        UUID id = insert("course " + courseId + " reclassified", courseId, causationId);
        afterCommit.once(RebuildService.class, this::nudge);
        return id;
    }

    /** Runs a full re-evaluation on the calling thread (the nightly job) and reports how it went. */
    public RebuildStatus runNow(String reason) {
        UUID id = start(reason).id();
        while (!stopping) {
            RebuildStatus status = status(id).orElseThrow();
            if (!"RUNNING".equals(status.state())) {
                return status;
            }
            if (!work(id)) {
                pause(Duration.ofSeconds(1)); // another replica has it, or the database is away
            }
        }
        return status(id).orElseThrow();
    }

    public Optional<RebuildStatus> status(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> find("id = ?", id));
    }

    /** Picks up what is left: jobs of this replica's nudges, and jobs of replicas that died. */
    @Scheduled(
            every = "${onemind.compliance.reevaluation.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    void nudge() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    workThroughRunningJobs();
                });
            } catch (RejectedExecutionException shuttingDown) {
                queued.set(false);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void workThroughRunningJobs() {
        try {
            List<UUID> running = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery(
                                    "select id from reevaluation_job where state = 'RUNNING' order by started_at",
                                    UUID.class)
                            .getResultList());
            for (UUID id : running) {
                while (!stopping && work(id)) {
                    // chunk after chunk until the job is done or is another replica's
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("re-evaluations wait (will resume): %s", e.getMessage());
        }
    }

    /**
     * Claims the job (if it is free, this replica's, or its owner went quiet) and evaluates its next
     * chunk. @return true when a chunk was done and the job goes on
     */
    boolean work(UUID id) {
        Chunk chunk;
        try {
            chunk = QuarkusTransaction.requiringNew().call(() -> claimNextChunk(id));
        } catch (RuntimeException e) {
            LOG.warnf("re-evaluation %s waits: %s", id, e.getMessage());
            return false;
        }
        if (chunk == null) {
            return false; // another replica's, or finished meanwhile
        }
        int done = 0;
        int failed = 0;
        UUID last = chunk.after();
        for (UUID agency : chunk.agencies()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> evaluator.reevaluate(agency, chunk.causation()));
                done++;
            } catch (RuntimeException e) {
                if (Failures.classify(e) == Failures.Kind.TRANSIENT) {
                    LOG.warnf("re-evaluation %s pauses at agency %s: %s", id, agency, e.getMessage());
                    break; // this agency is taken again when the job resumes
                }
                failed++;
                LOG.errorf(e, "re-evaluation %s could not evaluate agency %s", id, agency);
            }
            last = agency;
        }
        // A short chunk worked through to its end was the last one.
        boolean finished = done + failed == chunk.agencies().size()
                && chunk.agencies().size() < config.reevaluation().chunkSize();
        UUID lastDone = last;
        int chunkDone = done;
        int chunkFailed = failed;
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "update reevaluation_job set"
                                            + " done = done + ?2, failed = failed + ?3, last_agency_id = ?4, heartbeat_at = now(),"
                                            + " state = case when ?5 then 'DONE' else state end,"
                                            + " finished_at = case when ?5 then now() else finished_at end where id = ?1 and owner = ?6")
                            .setParameter(1, id)
                            .setParameter(2, chunkDone)
                            .setParameter(3, chunkFailed)
                            .setParameter(4, lastDone)
                            .setParameter(5, finished)
                            .setParameter(6, OWNER)
                            .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "re-evaluation %s could not record its progress (the chunk is evaluated again): %s",
                    id, e.getMessage());
            return false;
        }
        if (finished) {
            status(id)
                    .ifPresent(s -> LOG.infof(
                            "re-evaluation %s (%s): %d agencies, %d failed, %d ms",
                            s.id(),
                            s.reason(),
                            s.done(),
                            s.failed(),
                            s.finishedAt().toEpochMilli() - s.startedAt().toEpochMilli()));
        }
        return !finished && (chunkDone + chunkFailed) > 0;
    }

    /** The next agencies of a claimed job, after {@code after}. */
    private record Chunk(String causation, UUID after, List<UUID> agencies) {}

    /** Claims the job and reads its next chunk (counting its agencies on the first). @return null when not claimed */
    @SuppressWarnings("unchecked")
    private Chunk claimNextChunk(UUID id) {
        int claimed = em.createNativeQuery("update reevaluation_job set owner = ?2, heartbeat_at = now()"
                        + " where id = ?1 and state = 'RUNNING' and (owner is null or owner = ?2"
                        + " or heartbeat_at < now() - make_interval(secs => ?3))")
                .setParameter(1, id)
                .setParameter(2, OWNER)
                .setParameter(3, (double) config.reevaluation().staleAfter().toSeconds())
                .executeUpdate();
        if (claimed == 0) {
            return null;
        }
        ClaimedJob job = Jdbc.first(
                        em,
                        "select course_id, last_agency_id, causation_id, total from reevaluation_job where id = ?",
                        row -> new ClaimedJob(
                                row.getObject(1, UUID.class),
                                row.getObject(2, UUID.class),
                                row.getString(3),
                                row.getInt(4)),
                        id)
                .orElseThrow();
        UUID courseId = job.courseId();
        UUID after = job.lastAgencyId();
        if (job.total() == 0 && after == null) {
            long total = ((Number)
                            scope(courseId, null, "count(*)", Integer.MAX_VALUE).getSingleResult())
                    .longValue();
            em.createNativeQuery("update reevaluation_job set total = ?2 where id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, (int) total)
                    .executeUpdate();
        }
        return new Chunk(
                job.causationId(),
                after,
                scope(courseId, after, "agency_id", config.reevaluation().chunkSize())
                        .getResultList());
    }

    private record ClaimedJob(UUID courseId, UUID lastAgencyId, String causationId, int total) {}

    /** The job's agencies after {@code after}, in id order ({@code what} = {@code agency_id} or {@code count(*)}). */
    private jakarta.persistence.Query scope(UUID courseId, UUID after, String what, int limit) {
        String agencies = courseId == null
                ? "select agency_id from agency_view union select agency_id from personnel_view"
                        + " union select agency_id from certification_view"
                : "select distinct agency_id from certification_view where course_id = :course";
        String sql = "select " + what + " from (" + agencies + ") scope"
                + (after == null ? "" : " where agency_id > :after")
                + ("agency_id".equals(what) ? " order by agency_id limit :limit" : "");
        var query = "agency_id".equals(what) ? em.createNativeQuery(sql, UUID.class) : em.createNativeQuery(sql);
        if (courseId != null) {
            query.setParameter("course", courseId);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        if ("agency_id".equals(what)) {
            query.setParameter("limit", limit);
        }
        return query;
    }

    private UUID insert(String reason, UUID courseId, String causationId) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery(
                        "insert into reevaluation_job (id, reason, course_id, causation_id) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id)
                .setParameter(2, reason)
                .setParameter(3, courseId)
                .setParameter(4, "rebuild".equals(causationId) ? "rebuild:" + id : causationId)
                .executeUpdate();
        return id;
    }

    private Optional<RebuildStatus> find(String where, Object... parameters) {
        return select(where + " order by started_at limit 1", parameters).stream()
                .findFirst();
    }

    /** The newest jobs, of one state or all. */
    public List<RebuildStatus> recent(String state, int limit) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> state == null
                        ? select("true order by started_at desc limit ?", limit)
                        : select("state = ? order by started_at desc limit ?", state, limit));
    }

    private List<RebuildStatus> select(String whereAndOrder, Object... parameters) {
        return Jdbc.query(
                em,
                "select id, reason, course_id, state, total, done, failed, started_at, finished_at"
                        + " from reevaluation_job where " + whereAndOrder,
                row -> new RebuildStatus(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        row.getObject(3, UUID.class),
                        row.getString(4),
                        row.getInt(5),
                        row.getInt(6),
                        row.getInt(7),
                        instant(row.getObject(8, java.time.OffsetDateTime.class)),
                        instant(row.getObject(9, java.time.OffsetDateTime.class))),
                parameters);
    }

    private static java.time.Instant instant(java.time.OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A changed rule edition re-evaluates every agency (RULES.md). */
    void onStart(@Observes StartupEvent event) {
        String edition = evaluator.edition().label();
        Number stale = QuarkusTransaction.requiringNew()
                .call(() -> (Number) em.createNativeQuery("select count(*) from evaluation where rule_edition <> ?1")
                        .setParameter(1, edition)
                        .getSingleResult());
        if (stale.longValue() > 0) {
            LOG.infof(
                    "%d evaluations were made under another rule edition; re-evaluating every agency under %s",
                    stale.longValue(), edition);
            start("rule edition changed to " + edition);
        }
        nudge(); // jobs left unfinished by a stop or a crash
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        worker.shutdownNow();
    }
}
