package org.onemind.compliance.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Writes the read models. Every write is an upsert, so applying a fact twice leaves one row. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Projections {

    @Inject
    EntityManager em;

    public void agency(UUID agencyId, String name, String state, Integer declaredSworn) {
        query("insert into agency_view (agency_id, name, state, declared_sworn) values (?1, ?2, ?3, ?4)"
                + " on conflict (agency_id) do update set name = excluded.name, state = excluded.state,"
                + " declared_sworn = excluded.declared_sworn", agencyId, name, state, declaredSworn).executeUpdate();
    }

    public void pledge(UUID agencyId, String status, LocalDate pledgedOn, LocalDate targetCompletionOn) {
        query("insert into agency_view (agency_id, pledge_status, pledged_on, target_completion_on) values (?1, ?2, ?3, ?4)"
                + " on conflict (agency_id) do update set pledge_status = excluded.pledge_status,"
                + " pledged_on = coalesce(excluded.pledged_on, agency_view.pledged_on),"
                + " target_completion_on = coalesce(excluded.target_completion_on, agency_view.target_completion_on)",
                agencyId, status, pledgedOn, targetCompletionOn).executeUpdate();
    }

    public void partnership(UUID partnershipId, UUID agencyId, UUID organizationId, String kind, LocalDate mouSignedOn) {
        query("insert into partnership_view (partnership_id, agency_id, organization_id, organization_kind, mou_signed_on)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (partnership_id) do update set"
                + " organization_kind = excluded.organization_kind, mou_signed_on = excluded.mou_signed_on",
                partnershipId, agencyId, organizationId, kind, mouSignedOn).executeUpdate();
    }

    public void partnershipEnded(UUID partnershipId, LocalDate endedOn) {
        query("update partnership_view set ended_on = ?2 where partnership_id = ?1", partnershipId, endedOn).executeUpdate();
    }

    public void policy(UUID agencyId, String title, LocalDate adoptedOn) {
        query("insert into policy_view (agency_id, title, adopted_on) values (?1, ?2, ?3) on conflict (agency_id)"
                + " do update set title = excluded.title, adopted_on = excluded.adopted_on", agencyId, title, adoptedOn)
                .executeUpdate();
    }

    public void person(UUID personnelId, UUID agencyId, boolean sworn, boolean selected, LocalDate hiredOn) {
        query("insert into personnel_view (personnel_id, agency_id, sworn, selected_for_training, hired_on)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (personnel_id) do update set sworn = excluded.sworn,"
                + " selected_for_training = excluded.selected_for_training, hired_on = excluded.hired_on",
                personnelId, agencyId, sworn, selected, hiredOn).executeUpdate();
    }

    /** One person of a roster import chunk. */
    public record Person(UUID personnelId, boolean sworn, boolean selected, LocalDate hiredOn) {
    }

    /** Many people of one agency at once (one JDBC batch): the same upsert as {@link #person}. */
    public void people(UUID agencyId, List<Person> people) {
        org.onemind.platform.tx.JdbcBatch.write(em, "insert into personnel_view (personnel_id, agency_id, sworn,"
                + " selected_for_training, hired_on) values (?, ?, ?, ?, ?) on conflict (personnel_id) do update set"
                + " sworn = excluded.sworn, selected_for_training = excluded.selected_for_training, hired_on = excluded.hired_on",
                people, (upsert, p) -> {
                    upsert.setObject(1, p.personnelId());
                    upsert.setObject(2, agencyId);
                    upsert.setBoolean(3, p.sworn());
                    upsert.setBoolean(4, p.selected());
                    upsert.setObject(5, p.hiredOn());
                });
    }

    /** One certification of a class roster chunk. */
    public record ClassCertification(UUID certificationId, UUID personnelId) {
    }

    /** The certifications of one class (same course, date and delivery) at once; a repeat changes nothing. */
    public void certifications(UUID agencyId, UUID courseId, boolean mhfa, boolean cit, LocalDate completedOn,
                               LocalDate expiresOn, String deliveryMode, List<ClassCertification> certifications) {
        org.onemind.platform.tx.JdbcBatch.write(em, "insert into certification_view (certification_id, agency_id,"
                + " personnel_id, course_id, mhfa, cit, completed_on, expires_on, delivery_mode)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (certification_id) do nothing", certifications, (insert, c) -> {
                    insert.setObject(1, c.certificationId());
                    insert.setObject(2, agencyId);
                    insert.setObject(3, c.personnelId());
                    insert.setObject(4, courseId);
                    insert.setBoolean(5, mhfa);
                    insert.setBoolean(6, cit);
                    insert.setObject(7, completedOn);
                    insert.setObject(8, expiresOn);
                    insert.setString(9, deliveryMode);
                });
    }

    public void separated(UUID personnelId, LocalDate separatedOn) {
        query("update personnel_view set separated_on = ?2 where personnel_id = ?1", personnelId, separatedOn).executeUpdate();
    }

    public void certification(UUID certificationId, UUID agencyId, UUID personnelId, UUID courseId, boolean mhfa,
                              boolean cit, LocalDate completedOn, LocalDate expiresOn, String deliveryMode) {
        query("insert into certification_view (certification_id, agency_id, personnel_id, course_id, mhfa, cit,"
                + " completed_on, expires_on, delivery_mode) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                + " on conflict (certification_id) do nothing", certificationId, agencyId, personnelId, courseId, mhfa,
                cit, completedOn, expiresOn, deliveryMode).executeUpdate();
    }

    public void revoked(UUID certificationId) {
        query("update certification_view set revoked = true where certification_id = ?1", certificationId).executeUpdate();
    }

    /**
     * A course's categories as of {@code changedAt}. Ignored when a later change is already known
     * (the events of one course can arrive out of order after a redelivery). @return whether the
     * course's certifications changed, so that its agencies need re-evaluating
     */
    public boolean courseChanged(UUID courseId, boolean mhfa, boolean cit, java.time.Instant changedAt) {
        int current = query("insert into course_view (course_id, mhfa, cit, changed_at) values (?1, ?2, ?3, ?4)"
                + " on conflict (course_id) do update set mhfa = excluded.mhfa, cit = excluded.cit,"
                + " changed_at = excluded.changed_at where course_view.changed_at <= excluded.changed_at",
                courseId, mhfa, cit, changedAt.atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
        if (current == 0) {
            return false;
        }
        return query("update certification_view set mhfa = ?2, cit = ?3 where course_id = ?1"
                + " and (mhfa <> ?2 or cit <> ?3)", courseId, mhfa, cit).executeUpdate() > 0;
    }

    /**
     * The categories a certification of {@code courseId} counts for: those of the latest
     * reclassification when it was made after the certification's event, else empty (the event's
     * own categories are current).
     */
    @SuppressWarnings("unchecked")
    public java.util.Optional<boolean[]> reclassifiedSince(UUID courseId, java.time.Instant eventTime) {
        List<Object[]> rows = query("select mhfa, cit from course_view where course_id = ?1 and changed_at > ?2",
                courseId, eventTime.atOffset(java.time.ZoneOffset.UTC)).getResultList();
        return rows.stream().findFirst().map(row -> new boolean[] {(Boolean) row[0], (Boolean) row[1]});
    }

    private Query query(String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
