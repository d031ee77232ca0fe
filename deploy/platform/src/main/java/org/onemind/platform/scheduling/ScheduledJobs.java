package org.onemind.platform.scheduling;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Runs a scheduled job once per schedule across replicas: every replica's scheduler fires, and the
 * one that claims the firing's slot in the database ({@code scheduled_job_run}) does the work.
 */
@ApplicationScoped
public class ScheduledJobs {
    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);
    /** This process, as recorded by jobs that claim work: the pod, the process and a start-unique suffix. */
    public static final String REPLICA = replicaName();

    @Inject
    EntityManager em;

    /** @return true when this replica claimed this firing of {@code job} and should run it */
    public boolean claim(String job, ScheduledExecution execution) {
        return claim(job, execution.getScheduledFireTime());
    }

    /** @return true when this replica claimed the slot (the minute of {@code fireTime}) of {@code job} */
    public boolean claim(String job, Instant fireTime) {
        String slot = fireTime.truncatedTo(ChronoUnit.MINUTES).toString();
        try {
            boolean claimed = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery(
                                            "insert into scheduled_job_run (job, slot, claimed_by) values (?1, ?2, ?3) on conflict do nothing")
                                    .setParameter(1, job)
                                    .setParameter(2, slot)
                                    .setParameter(3, REPLICA)
                                    .executeUpdate()
                            == 1);
            if (!claimed) {
                LOG.debugf("%s of %s runs on another replica", job, slot);
            }
            return claimed;
        } catch (RuntimeException e) {
            LOG.warnf("%s of %s could not be claimed (another replica may run it): %s", job, slot, e.getMessage());
            return false;
        }
    }

    private static String replicaName() {
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "replica" : host) + "/"
                + ProcessHandle.current().pid() + "/"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
