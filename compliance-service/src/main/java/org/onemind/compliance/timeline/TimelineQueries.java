package org.onemind.compliance.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.onemind.platform.tx.Jdbc;

/** Timelines read from the kept evaluations ({@link EvaluationLog}). Days are UTC days. */
@ApplicationScoped
public class TimelineQueries {

    @Inject
    EntityManager em;

    /** A row of the log: the UTC day of the evaluation and its figures. */
    private record Kept(LocalDate day, Figures figures) {}

    public AgencyTimeline agency(UUID agencyId, TimelineSpan span) {
        LocalDate from = span.from();
        LocalDate to = span.to();
        Granularity granularity = span.granularity();
        // The rows up to the end of `to`, from the last one before `from` (the figures `from` starts with).
        List<Kept> rows = Jdbc.query(
                em,
                "select evaluated_at, " + Figures.COLUMNS + " from evaluation_change where agency_id = ?"
                        + " and evaluated_at < ? and evaluated_at >= coalesce((select max(evaluated_at)"
                        + " from evaluation_change where agency_id = ? and evaluated_at < ?), '-infinity')"
                        + " order by evaluated_at, id",
                row -> new Kept(
                        row.getObject(1, OffsetDateTime.class)
                                .withOffsetSameInstant(ZoneOffset.UTC)
                                .toLocalDate(),
                        Figures.read(row, 2)),
                agencyId,
                startOf(to.plusDays(1)),
                agencyId,
                startOf(from));
        LocalDate coveredFrom = Jdbc.first(
                        em,
                        "select min(evaluated_at) from evaluation_change where agency_id = ?",
                        row -> row.getObject(1, OffsetDateTime.class),
                        agencyId)
                .map(first -> first.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate())
                .orElse(null);

        List<AgencyTimelinePoint> points = new ArrayList<>();
        int next = 0;
        Figures current = null;
        for (LocalDate date : granularity.pointDates(from, to)) {
            while (next < rows.size() && !rows.get(next).day().isAfter(date)) {
                current = rows.get(next++).figures();
            }
            if (current != null) {
                points.add(AgencyTimelinePoint.of(date, current));
            }
        }
        return new AgencyTimeline(agencyId, from, to, granularity.label(), coveredFrom, points);
    }

    /** The sums of one day's differences, in the order of {@link #DIFFERENCES}. */
    private record Day(LocalDate day, long[] sums) {}

    private static final String DIFFERENCES = "sum(c.d_agencies), sum(c.d_eligible), sum(c.d_partnership),"
            + " sum(c.d_policy), sum(c.d_mhfa), sum(c.d_cit), sum(c.d_sworn), sum(c.d_mhfa_trained),"
            + " sum(c.d_mhfa_required), sum(c.d_cit_trained), sum(c.d_cit_required)";

    private static final int SUMS = 11;

    public CampaignTimeline campaign(String state, TimelineSpan span) {
        LocalDate from = span.from();
        LocalDate to = span.to();
        Granularity granularity = span.granularity();
        String wanted = state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT);
        // Each agency's rows hold their difference from its previous row: a day's figures are the sum of
        // every difference up to it, one pass over the rows instead of one look-up per agency and point.
        List<Day> days = Jdbc.query(
                em,
                "select (c.evaluated_at at time zone 'UTC')::date, " + DIFFERENCES + " from evaluation_change c"
                        + (wanted == null
                                ? " where"
                                : " join agency_view a on a.agency_id = c.agency_id where upper(a.state) = ? and")
                        + " c.evaluated_at < ? group by 1 order by 1",
                row -> {
                    long[] sums = new long[SUMS];
                    for (int i = 0; i < SUMS; i++) {
                        sums[i] = row.getLong(i + 2);
                    }
                    return new Day(row.getObject(1, LocalDate.class), sums);
                },
                wanted == null
                        ? new Object[] {startOf(to.plusDays(1))}
                        : new Object[] {wanted, startOf(to.plusDays(1))});

        List<CampaignTimelinePoint> points = new ArrayList<>();
        long[] totals = new long[SUMS];
        int next = 0;
        for (LocalDate date : granularity.pointDates(from, to)) {
            while (next < days.size() && !days.get(next).day().isAfter(date)) {
                long[] sums = days.get(next++).sums();
                for (int i = 0; i < SUMS; i++) {
                    totals[i] += sums[i];
                }
            }
            points.add(new CampaignTimelinePoint(
                    date,
                    totals[0],
                    totals[1],
                    new CampaignTimelinePoint.StepTotals(totals[2]),
                    new CampaignTimelinePoint.StepTotals(totals[3]),
                    new CampaignTimelinePoint.TrainingTotals(
                            totals[4],
                            totals[6],
                            totals[7],
                            totals[8],
                            AgencyTimelinePoint.share(totals[7], totals[8])),
                    new CampaignTimelinePoint.TrainingTotals(
                            totals[5],
                            totals[6],
                            totals[9],
                            totals[10],
                            AgencyTimelinePoint.share(totals[9], totals[10]))));
        }
        return new CampaignTimeline(wanted, from, to, granularity.label(), points);
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
