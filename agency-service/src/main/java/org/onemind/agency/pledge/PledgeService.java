package org.onemind.agency.pledge;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.onemind.agency.agency.AgencyService;
import org.onemind.agency.compliance.ComplianceStatus;
import org.onemind.agency.events.AgencyEvents;
import org.onemind.agency.history.HistoryLog;
import org.onemind.platform.contract.DeadlineStatus;
import org.onemind.platform.contract.PledgeStatus;
import org.onemind.platform.problem.ApiException;

@ApplicationScoped
public class PledgeService {
    private static final Logger LOG = Logger.getLogger(PledgeService.class);
    static final int MIN_MONTHS = 12;
    static final int MAX_MONTHS = 36;

    @Inject
    org.onemind.platform.scheduling.ScheduledJobs jobs;

    @Inject
    AgencyService agencies;

    @Inject
    AgencyEvents events;

    @Inject
    HistoryLog history;

    @Transactional
    public Pledge take(UUID agencyId, PledgeRequests.TakePledge request) {
        agencies.find(agencyId);
        if (request.targetCompletionOn().isBefore(request.pledgedOn().plusMonths(MIN_MONTHS))
                || request.targetCompletionOn().isAfter(request.pledgedOn().plusMonths(MAX_MONTHS))) {
            throw ApiException.invalid(
                    "targetCompletionOn",
                    "must be 12 to 36 months after pledgedOn ("
                            + request.pledgedOn().plusMonths(MIN_MONTHS) + " to "
                            + request.pledgedOn().plusMonths(MAX_MONTHS)
                            + ")");
        }
        if (request.pledgedOn().isAfter(LocalDate.now())) {
            throw ApiException.invalid("pledgedOn", "must not be in the future");
        }
        if (Pledge.activeOf(agencyId).isPresent()) {
            throw ApiException.conflict(
                    "active-pledge-exists",
                    "agency " + agencyId + " already has an active pledge; withdraw it before pledging again");
        }
        Pledge pledge = new Pledge();
        pledge.id = UUID.randomUUID();
        pledge.agencyId = agencyId;
        pledge.pledgedOn = request.pledgedOn();
        pledge.targetCompletionOn = request.targetCompletionOn();
        pledge.signedBy = request.signedBy().trim();
        pledge.status = PledgeStatus.PLEDGED;
        pledge.deadlineStatus = deadlineStatus(pledge, LocalDate.now());
        pledge.createdAt = Instant.now();
        pledge.persistAndFlush();
        history.record(agencyId, "pledge.taken", null, PledgeResponse.of(pledge));
        events.pledgeTaken(pledge);
        return pledge;
    }

    @Transactional
    public Pledge withdraw(UUID agencyId, PledgeRequests.Withdraw request) {
        agencies.find(agencyId);
        Pledge pledge = active(agencyId);
        if (pledge.status == PledgeStatus.COMPLETED) {
            throw ApiException.conflict("pledge-completed", "a completed pledge cannot be withdrawn");
        }
        PledgeResponse before = PledgeResponse.of(pledge);
        pledge.status = PledgeStatus.WITHDRAWN;
        pledge.withdrawnOn = LocalDate.now();
        pledge.withdrawalReason = request.reason().trim();
        history.record(agencyId, "pledge.withdrawn", before, PledgeResponse.of(pledge));
        events.pledgeWithdrawn(pledge);
        return pledge;
    }

    public Pledge current(UUID agencyId) {
        agencies.find(agencyId);
        return Pledge.currentOf(agencyId).orElseThrow(() -> ApiException.notFound("pledge of agency", agencyId));
    }

    public Pledge active(UUID agencyId) {
        return Pledge.activeOf(agencyId).orElseThrow(() -> ApiException.notFound("pledge of agency", agencyId));
    }

    /** Brings the stored deadline status up to date after a change (eligibility, review). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshDeadlineStatus(UUID agencyId) {
        Pledge.<Pledge>activeOf(agencyId).ifPresent(pledge -> update(pledge, LocalDate.now()));
    }

    /** The daily refresh: a pledge turns DUE_SOON or OVERDUE with the calendar, not only with events. */
    @Scheduled(
            cron = "{onemind.agency.deadline-refresh-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dailyDeadlineRefresh(io.quarkus.scheduler.ScheduledExecution execution) {
        if (jobs.claim("deadline-refresh", execution)) {
            refreshAllDeadlineStatuses();
        }
    }

    @Transactional
    public int refreshAllDeadlineStatuses() {
        LocalDate today = LocalDate.now();
        List<Pledge> open =
                Pledge.list("status in ?1", List.of(PledgeStatus.PLEDGED, PledgeStatus.COMPLETION_SUBMITTED));
        int changed = 0;
        for (Pledge pledge : open) {
            if (update(pledge, today)) {
                changed++;
            }
        }
        LOG.infof("deadline statuses refreshed: %d of %d open pledges changed", changed, open.size());
        return changed;
    }

    private boolean update(Pledge pledge, LocalDate today) {
        DeadlineStatus now = deadlineStatus(pledge, today);
        if (now == pledge.deadlineStatus) {
            return false;
        }
        PledgeResponse before = PledgeResponse.of(pledge);
        pledge.deadlineStatus = now;
        history.record(pledge.agencyId, "pledge.deadline-status", before, PledgeResponse.of(pledge));
        return true;
    }

    static DeadlineStatus deadlineStatus(Pledge pledge, LocalDate today) {
        return DeadlineStatus.of(
                pledge.status, pledge.targetCompletionOn, ComplianceStatus.eligible(pledge.agencyId), today);
    }
}
