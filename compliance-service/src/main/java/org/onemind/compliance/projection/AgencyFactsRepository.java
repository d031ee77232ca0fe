package org.onemind.compliance.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.onemind.compliance.rules.AgencyFacts;
import org.onemind.platform.api.SqlValues;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads one agency's facts from the read models, each table by its agency index. */
@ApplicationScoped
public class AgencyFactsRepository implements org.onemind.platform.security.Partnerships {

    @Inject
    EntityManager em;

    public boolean knows(UUID agencyId) {
        return !em.createNativeQuery("select 1 from agency_view where agency_id = ?1")
                .setParameter(1, agencyId).getResultList().isEmpty();
    }

    /** True when the organization has a partnership with the agency that has not ended. */
    @Override
    public boolean active(UUID agencyId, UUID organizationId) {
        return !em.createNativeQuery("select 1 from partnership_view where agency_id = ?1 and organization_id = ?2"
                        + " and ended_on is null")
                .setParameter(1, agencyId).setParameter(2, organizationId).getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    public AgencyFacts load(UUID agencyId) {
        Integer declaredSworn = null;
        AgencyFacts.Pledge pledge = null;
        List<Object[]> agency = em.createNativeQuery("select declared_sworn, pledge_status, pledged_on, target_completion_on"
                + " from agency_view where agency_id = ?1").setParameter(1, agencyId).getResultList();
        if (!agency.isEmpty()) {
            Object[] row = agency.get(0);
            declaredSworn = row[0] == null ? null : ((Number) row[0]).intValue();
            String status = (String) row[1];
            if (status != null && row[3] != null) {
                pledge = new AgencyFacts.Pledge(SqlValues.localDate(row[2]), SqlValues.localDate(row[3]),
                        status.equals("PLEDGED") || status.equals("COMPLETION_SUBMITTED"), status.equals("COMPLETED"));
            }
        }
        List<AgencyFacts.Partnership> partnerships = ((List<Object[]>) em.createNativeQuery(
                        "select partnership_id, organization_kind, mou_signed_on, ended_on from partnership_view where agency_id = ?1")
                .setParameter(1, agencyId).getResultList()).stream()
                .map(r -> new AgencyFacts.Partnership((UUID) r[0], "MENTAL_HEALTH_PROVIDER".equals(r[1]), SqlValues.localDate(r[2]), SqlValues.localDate(r[3])))
                .toList();
        Optional<AgencyFacts.Policy> policy = ((List<Object[]>) em.createNativeQuery(
                        "select title, adopted_on from policy_view where agency_id = ?1")
                .setParameter(1, agencyId).getResultList()).stream()
                .map(r -> new AgencyFacts.Policy((String) r[0], SqlValues.localDate(r[1]))).findFirst();
        List<AgencyFacts.Person> personnel = ((List<Object[]>) em.createNativeQuery(
                        "select personnel_id, sworn, selected_for_training, hired_on, separated_on from personnel_view where agency_id = ?1")
                .setParameter(1, agencyId).getResultList()).stream()
                .map(r -> new AgencyFacts.Person((UUID) r[0], (Boolean) r[1], (Boolean) r[2], SqlValues.localDate(r[3]), SqlValues.localDate(r[4])))
                .toList();
        List<AgencyFacts.Certification> certifications = ((List<Object[]>) em.createNativeQuery(
                        "select certification_id, personnel_id, mhfa, cit, completed_on, expires_on, revoked, delivery_mode"
                                + " from certification_view where agency_id = ?1")
                .setParameter(1, agencyId).getResultList()).stream()
                .map(r -> new AgencyFacts.Certification((UUID) r[0], (UUID) r[1], (Boolean) r[2], (Boolean) r[3],
                        SqlValues.localDate(r[4]), SqlValues.localDate(r[5]), (Boolean) r[6], "IN_PERSON".equals(r[7])))
                .toList();
        return new AgencyFacts(agencyId, declaredSworn, pledge, partnerships, policy.orElse(null), personnel, certifications);
    }

}
