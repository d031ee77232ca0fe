package org.onemind.notification.reminder;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Keeps, per agency, the pledge dates and what is still unmet: what deadline reminders need to say. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Deadlines {

    @Inject
    EntityManager em;

    public void pledge(UUID agencyId, LocalDate pledgedOn, LocalDate target, String status) {
        em.createNativeQuery("insert into agency_deadline (agency_id, pledged_on, target_completion_on, pledge_status)"
                        + " values (?1, ?2, ?3, ?4) on conflict (agency_id) do update set"
                        + " pledged_on = coalesce(excluded.pledged_on, agency_deadline.pledged_on),"
                        + " target_completion_on = coalesce(excluded.target_completion_on, agency_deadline.target_completion_on),"
                        + " pledge_status = excluded.pledge_status")
                .setParameter(1, agencyId)
                .setParameter(2, pledgedOn)
                .setParameter(3, target)
                .setParameter(4, status)
                .executeUpdate();
    }

    public void compliance(UUID agencyId, JsonNode evaluation) {
        List<String> unmet = new ArrayList<>();
        for (String practice : List.of("partnership", "policy", "mhfa", "cit")) {
            if (!evaluation.path("practices").path(practice).path("met").asBoolean()) {
                unmet.add(practice.toUpperCase());
            }
        }
        // Once per compliance event, most of which (a new count) leave the row as it is: plain JDBC, and no rewrite.
        org.onemind.platform.tx.Jdbc.update(
                em,
                "insert into agency_deadline (agency_id, eligible, unmet) values (?, ?, ?)"
                        + " on conflict (agency_id) do update set eligible = excluded.eligible, unmet = excluded.unmet"
                        + " where (agency_deadline.eligible, agency_deadline.unmet) is distinct from (excluded.eligible, excluded.unmet)",
                agencyId,
                evaluation.path("eligible").asBoolean(),
                String.join(",", unmet));
    }
}
