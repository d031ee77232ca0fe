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

    @FunctionalInterface
    private interface RowReader<T> {
        T read(java.sql.ResultSet row) throws java.sql.SQLException;
    }

    private <T> List<T> rows(String sql, UUID agencyId, RowReader<T> reader) {
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, agencyId);
                try (java.sql.ResultSet row = statement.executeQuery()) {
                    List<T> rows = new java.util.ArrayList<>();
                    while (row.next()) {
                        rows.add(reader.read(row));
                    }
                    return rows;
                }
            }
        });
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
        // The rows that grow with the agency are read with plain JDBC: through Hibernate's native queries
        // (an Object[] per row, then converted) reading them was most of an evaluation's time.
        List<AgencyFacts.Person> personnel = rows("select personnel_id, sworn, selected_for_training, hired_on, separated_on"
                + " from personnel_view where agency_id = ?", agencyId, r -> new AgencyFacts.Person(r.getObject(1, UUID.class),
                r.getBoolean(2), r.getBoolean(3), r.getObject(4, LocalDate.class), r.getObject(5, LocalDate.class)));
        List<AgencyFacts.Certification> certifications = rows("select certification_id, personnel_id, mhfa, cit, completed_on,"
                + " expires_on, revoked, delivery_mode from certification_view where agency_id = ?", agencyId,
                r -> new AgencyFacts.Certification(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getBoolean(3),
                        r.getBoolean(4), r.getObject(5, LocalDate.class), r.getObject(6, LocalDate.class), r.getBoolean(7),
                        "IN_PERSON".equals(r.getString(8))));
        return new AgencyFacts(agencyId, declaredSworn, pledge, partnerships, policy.orElse(null), personnel, certifications);
    }

}
