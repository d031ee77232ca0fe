package org.onemind.compliance.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.onemind.compliance.rules.AgencyFacts;
import org.onemind.platform.tx.Jdbc;

/** Reads one agency's facts from the read models, each table by its agency index. */
@ApplicationScoped
public class AgencyFactsRepository implements org.onemind.platform.security.Partnerships {

    @Inject
    EntityManager em;

    public boolean knows(UUID agencyId) {
        return Jdbc.first(em, "select 1 from agency_view where agency_id = ?", row -> true, agencyId)
                .isPresent();
    }

    /** True when the organization has a partnership with the agency that has not ended. */
    @Override
    public boolean active(UUID agencyId, UUID organizationId) {
        return Jdbc.first(
                        em,
                        "select 1 from partnership_view where agency_id = ? and organization_id = ? and ended_on is null",
                        row -> true,
                        agencyId,
                        organizationId)
                .isPresent();
    }

    /** Every query with plain JDBC: an evaluation runs once per event at idle, and the roster and certifications grow with the agency. */
    public AgencyFacts load(UUID agencyId) {
        record AgencyRow(Integer declaredSworn, AgencyFacts.Pledge pledge) {}
        AgencyRow agency = Jdbc.first(
                        em,
                        "select declared_sworn, pledge_status, pledged_on, target_completion_on"
                                + " from agency_view where agency_id = ?",
                        row -> {
                            Integer declaredSworn = row.getObject(1, Integer.class);
                            String status = row.getString(2);
                            LocalDate targetCompletionOn = row.getObject(4, LocalDate.class);
                            AgencyFacts.Pledge pledge = status == null || targetCompletionOn == null
                                    ? null
                                    : new AgencyFacts.Pledge(
                                            row.getObject(3, LocalDate.class),
                                            targetCompletionOn,
                                            status.equals("PLEDGED") || status.equals("COMPLETION_SUBMITTED"),
                                            status.equals("COMPLETED"));
                            return new AgencyRow(declaredSworn, pledge);
                        },
                        agencyId)
                .orElse(new AgencyRow(null, null));
        List<AgencyFacts.Partnership> partnerships = Jdbc.query(
                em,
                "select partnership_id, organization_kind, mou_signed_on,"
                        + " ended_on from partnership_view where agency_id = ?",
                row -> new AgencyFacts.Partnership(
                        row.getObject(1, UUID.class), "MENTAL_HEALTH_PROVIDER".equals(row.getString(2)),
                        row.getObject(3, LocalDate.class), row.getObject(4, LocalDate.class)),
                agencyId);
        AgencyFacts.Policy policy = Jdbc.first(
                        em,
                        "select title, adopted_on from policy_view where agency_id = ?",
                        row -> new AgencyFacts.Policy(row.getString(1), row.getObject(2, LocalDate.class)),
                        agencyId)
                .orElse(null);
        List<AgencyFacts.Person> personnel = Jdbc.query(
                em,
                "select personnel_id, sworn, selected_for_training, hired_on,"
                        + " separated_on from personnel_view where agency_id = ?",
                row -> new AgencyFacts.Person(
                        row.getObject(1, UUID.class),
                        row.getBoolean(2),
                        row.getBoolean(3),
                        row.getObject(4, LocalDate.class),
                        row.getObject(5, LocalDate.class)),
                agencyId);
        List<AgencyFacts.Certification> certifications = Jdbc.query(
                em,
                "select certification_id, personnel_id, mhfa, cit,"
                        + " completed_on, expires_on, revoked, delivery_mode from certification_view where agency_id = ?",
                row -> new AgencyFacts.Certification(
                        row.getObject(1, UUID.class),
                        row.getObject(2, UUID.class),
                        row.getBoolean(3),
                        row.getBoolean(4),
                        row.getObject(5, LocalDate.class),
                        row.getObject(6, LocalDate.class),
                        row.getBoolean(7),
                        "IN_PERSON".equals(row.getString(8))),
                agencyId);
        return new AgencyFacts(
                agencyId, agency.declaredSworn(), agency.pledge(), partnerships, policy, personnel, certifications);
    }
}
