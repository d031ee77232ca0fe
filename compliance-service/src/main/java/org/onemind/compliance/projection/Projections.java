package org.onemind.compliance.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.onemind.platform.contract.PledgeStatus;
import org.onemind.platform.contract.TrainingTopic;
import org.onemind.platform.tx.Jdbc;
import org.onemind.platform.tx.JdbcBatch;

/** Writes the read models. Every write is an upsert, so applying a fact twice leaves one row. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Projections {

    @Inject
    EntityManager em;

    public void agency(UUID agencyId, String name, String state, Integer declaredSworn) {
        Jdbc.update(
                em,
                "insert into agency_view (agency_id, name, state, declared_sworn) values (?, ?, ?, ?)"
                        + " on conflict (agency_id) do update set name = excluded.name, state = excluded.state,"
                        + " declared_sworn = excluded.declared_sworn",
                agencyId,
                name,
                state,
                declaredSworn);
    }

    public void pledge(UUID agencyId, PledgeStatus status, LocalDate pledgedOn, LocalDate targetCompletionOn) {
        Jdbc.update(
                em,
                "insert into agency_view (agency_id, pledge_status, pledged_on, target_completion_on) values (?, ?, ?, ?)"
                        + " on conflict (agency_id) do update set pledge_status = excluded.pledge_status,"
                        + " pledged_on = coalesce(excluded.pledged_on, agency_view.pledged_on),"
                        + " target_completion_on = coalesce(excluded.target_completion_on, agency_view.target_completion_on)",
                agencyId,
                status.name(),
                pledgedOn,
                targetCompletionOn);
    }

    public void partnership(
            UUID partnershipId, UUID agencyId, UUID organizationId, String kind, LocalDate mouSignedOn) {
        Jdbc.update(
                em,
                "insert into partnership_view (partnership_id, agency_id, organization_id, organization_kind, mou_signed_on)"
                        + " values (?, ?, ?, ?, ?) on conflict (partnership_id) do update set"
                        + " organization_kind = excluded.organization_kind, mou_signed_on = excluded.mou_signed_on",
                partnershipId,
                agencyId,
                organizationId,
                kind,
                mouSignedOn);
    }

    public void partnershipEnded(UUID partnershipId, LocalDate endedOn) {
        Jdbc.update(em, "update partnership_view set ended_on = ? where partnership_id = ?", endedOn, partnershipId);
    }

    public void policy(UUID agencyId, String title, LocalDate adoptedOn) {
        Jdbc.update(
                em,
                "insert into policy_view (agency_id, title, adopted_on) values (?, ?, ?) on conflict (agency_id)"
                        + " do update set title = excluded.title, adopted_on = excluded.adopted_on",
                agencyId,
                title,
                adoptedOn);
    }

    public void person(UUID personnelId, UUID agencyId, boolean sworn, boolean selected, LocalDate hiredOn) {
        Jdbc.update(
                em,
                "insert into personnel_view (personnel_id, agency_id, sworn, selected_for_training, hired_on)"
                        + " values (?, ?, ?, ?, ?) on conflict (personnel_id) do update set sworn = excluded.sworn,"
                        + " selected_for_training = excluded.selected_for_training, hired_on = excluded.hired_on",
                personnelId,
                agencyId,
                sworn,
                selected,
                hiredOn);
    }

    /** Many people of one agency at once (one JDBC batch): the same upsert as {@link #person}. */
    public void people(UUID agencyId, List<TrainingTopic.ImportedPerson> people) {
        JdbcBatch.write(
                em,
                "insert into personnel_view (personnel_id, agency_id, sworn,"
                        + " selected_for_training, hired_on) values (?, ?, ?, ?, ?) on conflict (personnel_id) do update set"
                        + " sworn = excluded.sworn, selected_for_training = excluded.selected_for_training, hired_on = excluded.hired_on",
                people,
                (upsert, p) -> {
                    upsert.setObject(1, p.personnelId());
                    upsert.setObject(2, agencyId);
                    upsert.setBoolean(3, p.sworn());
                    upsert.setBoolean(4, p.selectedForTraining());
                    upsert.setObject(5, p.hiredOn());
                });
    }

    /** The certifications of one class (same course, date and delivery) at once; a repeat changes nothing. */
    public void certifications(
            UUID agencyId,
            UUID courseId,
            boolean mhfa,
            boolean cit,
            LocalDate completedOn,
            LocalDate expiresOn,
            String deliveryMode,
            List<TrainingTopic.RecordedCertification> certifications) {
        JdbcBatch.write(
                em,
                "insert into certification_view (certification_id, agency_id,"
                        + " personnel_id, course_id, mhfa, cit, completed_on, expires_on, delivery_mode)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (certification_id) do nothing",
                certifications,
                (insert, c) -> {
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
        Jdbc.update(em, "update personnel_view set separated_on = ? where personnel_id = ?", separatedOn, personnelId);
    }

    public void certification(
            UUID certificationId,
            UUID agencyId,
            UUID personnelId,
            UUID courseId,
            boolean mhfa,
            boolean cit,
            LocalDate completedOn,
            LocalDate expiresOn,
            String deliveryMode) {
        Jdbc.update(
                em,
                "insert into certification_view (certification_id, agency_id, personnel_id, course_id, mhfa, cit,"
                        + " completed_on, expires_on, delivery_mode) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (certification_id) do nothing",
                certificationId,
                agencyId,
                personnelId,
                courseId,
                mhfa,
                cit,
                completedOn,
                expiresOn,
                deliveryMode);
    }

    public void revoked(UUID certificationId) {
        Jdbc.update(em, "update certification_view set revoked = true where certification_id = ?", certificationId);
    }

    /**
     * A course's categories as of {@code changedAt}. Ignored when a later change is already known
     * (the events of one course can arrive out of order after a redelivery). @return whether the
     * course's certifications changed, so that its agencies need re-evaluating
     */
    public boolean courseChanged(UUID courseId, boolean mhfa, boolean cit, java.time.Instant changedAt) {
        int current = Jdbc.update(
                em,
                "insert into course_view (course_id, mhfa, cit, changed_at) values (?, ?, ?, ?)"
                        + " on conflict (course_id) do update set mhfa = excluded.mhfa, cit = excluded.cit,"
                        + " changed_at = excluded.changed_at where course_view.changed_at <= excluded.changed_at",
                courseId,
                mhfa,
                cit,
                changedAt.atOffset(java.time.ZoneOffset.UTC));
        if (current == 0) {
            return false;
        }
        return Jdbc.update(
                        em,
                        "update certification_view set mhfa = ?, cit = ? where course_id = ?"
                                + " and (mhfa <> ? or cit <> ?)",
                        mhfa,
                        cit,
                        courseId,
                        mhfa,
                        cit)
                > 0;
    }

    /**
     * The categories a certification of {@code courseId} counts for: those of the latest
     * reclassification when it was made after the certification's event, else empty (the event's
     * own categories are current).
     */
    public java.util.Optional<boolean[]> reclassifiedSince(UUID courseId, java.time.Instant eventTime) {
        return Jdbc.first(
                em,
                "select mhfa, cit from course_view where course_id = ? and changed_at > ?",
                row -> new boolean[] {row.getBoolean(1), row.getBoolean(2)},
                courseId,
                eventTime.atOffset(java.time.ZoneOffset.UTC));
    }
}
