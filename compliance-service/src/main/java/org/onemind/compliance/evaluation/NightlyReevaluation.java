package org.onemind.compliance.evaluation;

import static org.onemind.platform.contract.ComplianceTopic.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.onemind.compliance.rules.ExpiryForecast;
import org.onemind.platform.outbox.Outbox;

/**
 * The nightly pass: expiries and deadlines move with the calendar, not only with events. Every
 * agency is re-evaluated, then each met practice at risk from expiries within the warning window is
 * announced once ({@code certifications-expiring}).
 */
@ApplicationScoped
public class NightlyReevaluation {
    private static final Logger LOG = Logger.getLogger(NightlyReevaluation.class);

    @Inject
    org.onemind.platform.scheduling.ScheduledJobs jobs;

    @Inject
    RebuildService rebuilds;

    @Inject
    Evaluator evaluator;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ComplianceConfig config;

    @Scheduled(cron = "{onemind.compliance.nightly-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly(io.quarkus.scheduler.ScheduledExecution execution) {
        if (!jobs.claim("nightly-reevaluation", execution)) {
            return;
        }
        rebuilds.runNow("nightly re-evaluation");
        LOG.infof("nightly expiry watch: %d notices", announceExpiries());
    }

    /** @return how many new notices were published */
    @SuppressWarnings("unchecked")
    public int announceExpiries() {
        List<UUID> atRisk = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select agency_id from evaluation where mhfa_met or cit_met", UUID.class)
                        .getResultList());
        int published = 0;
        for (UUID agency : atRisk) {
            published += QuarkusTransaction.requiringNew().call(() -> announce(agency));
        }
        return published;
    }

    private int announce(UUID agency) {
        int published = 0;
        for (ExpiryForecast.Risk risk : evaluator.expiring(agency, config.expiryWarningDays())) {
            int inserted = em.createNativeQuery("insert into expiry_notice (agency_id, practice, would_become_unmet_on,"
                            + " noticed_at) values (?1, ?2, ?3, now()) on conflict do nothing")
                    .setParameter(1, agency)
                    .setParameter(2, risk.practice().name())
                    .setParameter(3, risk.wouldBecomeUnmetOn())
                    .executeUpdate();
            if (inserted == 1) {
                outbox.publish(
                        CERTIFICATIONS_EXPIRING,
                        agency.toString(),
                        agency.toString(),
                        new CertificationsExpiring(
                                agency,
                                risk.practice(),
                                risk.count(),
                                risk.earliestExpiry(),
                                risk.wouldBecomeUnmetOn()));
                published++;
            }
        }
        return published;
    }
}
