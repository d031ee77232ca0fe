package org.onemind.compliance.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.onemind.compliance.rules.CompletionForecast;
import org.onemind.platform.tx.Jdbc;

/**
 * Keeps every evaluation that changed a standing, eligibility or a figure ({@code evaluation_change}):
 * the agency's history, its timeline, and the campaign's (each row also holds its difference from the
 * agency's previous row, which the campaign's timeline sums).
 */
@ApplicationScoped
public class EvaluationLog {

    @Inject
    EntityManager em;

    /** Called with the agency's evaluation lock held, so rows of one agency are written in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            UUID agencyId,
            OffsetDateTime evaluatedAt,
            String causationId,
            String changes,
            String body,
            Figures figures) {
        java.util.Optional<Figures> last = Jdbc.first(
                em,
                "select " + Figures.COLUMNS + " from evaluation_change where agency_id = ?"
                        + " order by evaluated_at desc, id desc limit 1",
                row -> Figures.read(row, 1),
                agencyId);
        Figures before = last.orElse(Figures.NONE);
        Jdbc.update(
                em,
                "insert into evaluation_change (agency_id, evaluated_at, causation_id, changes, body, "
                        + Figures.COLUMNS
                        + ", d_agencies, d_eligible, d_partnership, d_policy, d_mhfa, d_cit, d_sworn,"
                        + " d_mhfa_trained, d_mhfa_required, d_cit_trained, d_cit_required)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                agencyId,
                evaluatedAt,
                causationId,
                changes,
                body,
                figures.eligible(),
                figures.partnershipMet(),
                figures.policyMet(),
                figures.mhfaMet(),
                figures.citMet(),
                figures.partnerships(),
                figures.sworn(),
                figures.mhfaTrained(),
                figures.mhfaRequired(),
                figures.citTrained(),
                figures.citRequired(),
                last.isEmpty() ? 1 : 0,
                bit(figures.eligible()) - bit(before.eligible()),
                bit(figures.partnershipMet()) - bit(before.partnershipMet()),
                bit(figures.policyMet()) - bit(before.policyMet()),
                bit(figures.mhfaMet()) - bit(before.mhfaMet()),
                bit(figures.citMet()) - bit(before.citMet()),
                figures.sworn() - before.sworn(),
                figures.mhfaTrained() - before.mhfaTrained(),
                figures.mhfaRequired() - before.mhfaRequired(),
                figures.citTrained() - before.citTrained(),
                figures.citRequired() - before.citRequired());
    }

    /**
     * The agency's training figures on {@code windowStart} (its last kept evaluation by then), or on the day
     * of its first evaluation when that is later; null when it has none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CompletionForecast.Baseline baseline(UUID agencyId, LocalDate windowStart) {
        java.util.List<CompletionForecast.Baseline> rows = Jdbc.query(
                em,
                "(select 0, evaluated_at, mhfa_trained, mhfa_required, cit_trained, cit_required from evaluation_change"
                        + " where agency_id = ? and evaluated_at < ? order by evaluated_at desc, id desc limit 1)"
                        + " union all (select 1, evaluated_at, mhfa_trained, mhfa_required, cit_trained, cit_required"
                        + " from evaluation_change where agency_id = ? order by evaluated_at, id limit 1) order by 1",
                row -> {
                    LocalDate day = row.getObject(2, OffsetDateTime.class)
                            .withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalDate();
                    return new CompletionForecast.Baseline(
                            day.isBefore(windowStart) ? windowStart : day,
                            row.getInt(3),
                            row.getInt(4),
                            row.getInt(5),
                            row.getInt(6));
                },
                agencyId,
                windowStart.atStartOfDay().atOffset(ZoneOffset.UTC),
                agencyId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static int bit(boolean value) {
        return value ? 1 : 0;
    }
}
