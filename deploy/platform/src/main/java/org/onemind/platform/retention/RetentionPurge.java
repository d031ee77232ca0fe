package org.onemind.platform.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.onemind.platform.scheduling.ScheduledJobs;

/**
 * Keeps the event tables from growing forever: the consumers' processed-event records are deleted
 * once older than the retention, in small batches (each its own transaction), and outbox rows a
 * week after they were sent. The processed-event retention is never shorter than the topics' own: a
 * redelivered or replayed event is still on the topic only that long, and must still be recognised
 * as a repeat.
 */
@ApplicationScoped
public class RetentionPurge {
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    private static final int BATCH = 10_000;

    @Inject
    EntityManager em;

    @Inject
    ScheduledJobs jobs;

    /** How long Kafka keeps the topics' events (the Strimzi KafkaTopics say 30 days). */
    @ConfigProperty(name = "onemind.retention.topic-retention", defaultValue = "P30D")
    Duration topicRetention;

    @ConfigProperty(name = "onemind.retention.event-tables", defaultValue = "P35D")
    Duration configured;

    /**
     * How long sent outbox rows are kept. Consumers recognise repeats by their own processed-event
     * records, not by the producer's outbox, so these rows serve only to publish again after a loss
     * of the broker's data; at national scale they are a third of training-service's database (the
     * import events carry their rows).
     */
    @ConfigProperty(name = "onemind.retention.sent-outbox", defaultValue = "P7D")
    Duration sentOutbox;

    public Duration sentOutboxRetention() {
        return sentOutbox;
    }

    /** What is kept: the configured retention, raised to the topics' retention if it was set shorter. */
    public Duration retention() {
        return configured.compareTo(topicRetention) < 0 ? topicRetention : configured;
    }

    void warnIfRaised(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        if (configured.compareTo(topicRetention) < 0) {
            LOG.warnf(
                    "onemind.retention.event-tables (%s) is shorter than the topics' retention (%s); keeping %s so a"
                            + " late duplicate is still recognised",
                    configured, topicRetention, topicRetention);
        }
    }

    @Scheduled(
            cron = "{onemind.retention.purge-cron:0 20 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly(ScheduledExecution execution) {
        if (jobs.claim("retention-purge", execution)) {
            purge();
        }
    }

    /** @return the number of rows deleted */
    public long purge() {
        double seconds = retention().toSeconds();
        long deleted = 0;
        deleted += inBatches(
                "delete from outbox_event where seq in (select seq from outbox_event where sent_at is not null"
                        + " and sent_at < now() - make_interval(secs => ?1) limit " + BATCH + ")",
                (double) sentOutbox.toSeconds());
        deleted += inBatches(
                "delete from processed_event where ctid in (select ctid from processed_event"
                        + " where processed_at < now() - make_interval(secs => ?1) limit " + BATCH + ")",
                seconds);
        deleted += inBatches(
                "delete from scheduled_job_run where ctid in (select ctid from scheduled_job_run"
                        + " where claimed_at < now() - make_interval(secs => ?1) limit " + BATCH + ")",
                seconds);
        // Rate-limit windows are over within a day (the longest window is an hour or so).
        deleted += inBatches(
                "delete from rate_limit_window where ctid in (select ctid from rate_limit_window"
                        + " where window_start < now() - make_interval(secs => ?1) limit " + BATCH + ")",
                86_400);
        // Revocations outlive every token they refuse after a day (tokens live minutes).
        deleted += inBatches(
                "delete from revoked_access where ctid in (select ctid from revoked_access"
                        + " where revoked_at < now() - make_interval(secs => ?1) limit " + BATCH + ")",
                86_400);
        LOG.infof("retention purge: %d rows older than %s deleted", deleted, retention());
        return deleted;
    }

    private long inBatches(String delete, double seconds) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery(delete)
                            .setParameter(1, seconds)
                            .executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
