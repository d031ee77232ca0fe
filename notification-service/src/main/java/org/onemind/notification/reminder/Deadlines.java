package org.onemind.notification.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.onemind.platform.contract.ComplianceTopic;
import org.onemind.platform.contract.PledgeStatus;
import org.onemind.platform.contract.Practice;

/** Keeps, per agency, the pledge dates and what is still unmet: what deadline reminders need to say. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Deadlines {

    @Inject
    EntityManager em;

    public void pledge(UUID agencyId, LocalDate pledgedOn, LocalDate target, PledgeStatus status) {
        em.createNativeQuery("insert into agency_deadline (agency_id, pledged_on, target_completion_on, pledge_status)"
                        + " values (?1, ?2, ?3, ?4) on conflict (agency_id) do update set"
                        + " pledged_on = coalesce(excluded.pledged_on, agency_deadline.pledged_on),"
                        + " target_completion_on = coalesce(excluded.target_completion_on, agency_deadline.target_completion_on),"
                        + " pledge_status = excluded.pledge_status")
                .setParameter(1, agencyId)
                .setParameter(2, pledgedOn)
                .setParameter(3, target)
                .setParameter(4, status.name())
                .executeUpdate();
    }

    public void compliance(ComplianceTopic.ComplianceEvaluated evaluation) {
        List<String> unmet = Arrays.stream(Practice.values())
                .filter(practice -> !evaluation.practices().met(practice))
                .map(Practice::name)
                .toList();
        // Once per compliance event, most of which (a new count) leave the row as it is: plain JDBC, and no rewrite.
        org.onemind.platform.tx.Jdbc.update(
                em,
                "insert into agency_deadline (agency_id, eligible, unmet) values (?, ?, ?)"
                        + " on conflict (agency_id) do update set eligible = excluded.eligible, unmet = excluded.unmet"
                        + " where (agency_deadline.eligible, agency_deadline.unmet) is distinct from (excluded.eligible, excluded.unmet)",
                evaluation.agencyId(),
                evaluation.eligible(),
                String.join(",", unmet));
    }
}
