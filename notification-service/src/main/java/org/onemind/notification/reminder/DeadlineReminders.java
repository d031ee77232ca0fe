package org.onemind.notification.reminder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.notification.email.NoticeService;
import org.onemind.platform.contract.PledgeStatus;
import org.onemind.platform.tx.Jdbc;

/**
 * Daily: agencies whose pledge target is 90 or 30 days away with practices still unmet are
 * reminded, and so are agencies whose target has passed. Each reminder is sent once: its key
 * (kind, agency, target) is the delivery log's event id.
 */
@ApplicationScoped
public class DeadlineReminders {
    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);

    @Inject
    org.onemind.platform.scheduling.ScheduledJobs jobs;

    @Inject
    EntityManager em;

    @Inject
    NoticeService notices;

    @Scheduled(cron = "{onemind.notification.reminder-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily(io.quarkus.scheduler.ScheduledExecution execution) {
        if (!jobs.claim("deadline-reminders", execution)) {
            return;
        }
        LOG.infof("deadline reminders: %d emails queued", remind(LocalDate.now()));
    }

    /** A pledge not yet eligible, its target date and its unmet practices ({@code MHFA,CIT}). */
    private record OpenPledge(UUID agencyId, LocalDate target, String unmet) {}

    /** @return how many emails were queued */
    public int remind(LocalDate today) {
        List<OpenPledge> open = QuarkusTransaction.requiringNew()
                .call(() -> Jdbc.query(
                        em,
                        "select agency_id, target_completion_on, unmet from agency_deadline where pledge_status = ?"
                                + " and target_completion_on is not null and not eligible",
                        row -> new OpenPledge(
                                row.getObject(1, UUID.class), row.getObject(2, LocalDate.class), row.getString(3)),
                        PledgeStatus.PLEDGED.name()));
        int queued = 0;
        for (OpenPledge pledge : open) {
            UUID agencyId = pledge.agencyId();
            LocalDate target = pledge.target();
            List<String> unmet = pledge.unmet() == null || pledge.unmet().isBlank()
                    ? List.of()
                    : Arrays.asList(pledge.unmet().split(","));
            long days = ChronoUnit.DAYS.between(today, target);
            String reminder = days < 0 ? "passed" : days <= 30 ? "30" : days <= 90 ? "90" : null;
            if (reminder == null) {
                continue;
            }
            String key = "deadline-" + reminder + ":" + agencyId + ":" + target;
            queued += QuarkusTransaction.requiringNew().call(() -> send(agencyId, target, unmet, reminder, key));
        }
        return queued;
    }

    private int send(UUID agencyId, LocalDate target, List<String> unmet, String reminder, String key) {
        boolean passed = reminder.equals("passed");
        return notices.send(
                agencyId,
                passed ? NotificationType.DEADLINE_PASSED : NotificationType.DEADLINE_APPROACHING,
                key,
                Map.of("targetCompletionOn", target, "days", reminder),
                unmet.stream().map(practice -> practice + " is not met yet").toList());
    }
}
