package org.onemind.compliance.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.contract.DeadlineStatus;
import org.onemind.platform.contract.ForecastStatus;
import org.onemind.platform.contract.PledgeStatus;
import org.onemind.platform.contract.Practice;
import org.onemind.platform.tx.Jdbc;

/** The reads of compliance beyond an agency's latest evaluation: its history of changes, the campaign's figures. */
@ApplicationScoped
public class ComplianceQueries {

    @Inject
    EntityManager em;

    @Inject
    org.onemind.compliance.projection.AgencyFactsRepository facts;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    /** 404 for an agency this service has neither evaluated nor heard of. */
    public void requireKnown(UUID agencyId) {
        if (StoredEvaluation.findById(agencyId) == null && !facts.knows(agencyId)) {
            throw org.onemind.platform.api.AgencyIds.notKnownHere(agencyId);
        }
    }

    public ListPage<HistoryEntry> history(UUID agencyId, int page, int size) {
        return Jdbc.page(
                em,
                "evaluated_at, causation_id, changes, body",
                "from evaluation_change where agency_id = ?",
                "evaluated_at desc, id desc",
                row -> new HistoryEntry(
                        row.getObject(1, OffsetDateTime.class).toInstant(),
                        row.getString(2),
                        tree(row.getString(3)),
                        tree(row.getString(4))),
                page,
                size,
                agencyId);
    }

    /** Agencies of one pledge status and one deadline status, and how many of them meet what. */
    private record SummaryGroup(
            String pledgeStatus,
            String deadlineStatus,
            String forecastStatus,
            long agencies,
            long partnershipMet,
            long policyMet,
            long mhfaMet,
            long citMet,
            long eligible) {}

    public CampaignSummary summary(String state) {
        String wanted = state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT);
        // Counted by the database: one row per (pledge status, deadline status), not one per agency.
        List<SummaryGroup> groups = Jdbc.query(
                em,
                "select coalesce(a.pledge_status, 'NOT_PLEDGED'), e.deadline_status, e.forecast_status, count(*),"
                        + " count(*) filter (where e.partnership_met), count(*) filter (where e.policy_met),"
                        + " count(*) filter (where e.mhfa_met), count(*) filter (where e.cit_met),"
                        + " count(*) filter (where e.eligible)"
                        + " from evaluation e join agency_view a on a.agency_id = e.agency_id"
                        + (wanted == null ? "" : " where upper(a.state) = ?")
                        + " group by 1, 2, 3 order by 1, 2, 3",
                row -> new SummaryGroup(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getLong(4),
                        row.getLong(5),
                        row.getLong(6),
                        row.getLong(7),
                        row.getLong(8),
                        row.getLong(9)),
                wanted == null ? new Object[0] : new Object[] {wanted});
        Map<String, Long> byPledge = new LinkedHashMap<>();
        Map<String, Long> byDeadline = new LinkedHashMap<>();
        Map<String, Long> byForecast = new LinkedHashMap<>();
        for (ForecastStatus forecast : ForecastStatus.values()) {
            byForecast.put(forecast.name(), 0L);
        }
        Map<String, Long> met = new LinkedHashMap<>();
        for (Practice practice : Practice.values()) {
            met.put(practice.name(), 0L);
        }
        long agencies = 0;
        long eligible = 0;
        long eligibleNotSubmitted = 0;
        long overdue = 0;
        for (SummaryGroup group : groups) {
            agencies += group.agencies();
            byPledge.merge(group.pledgeStatus(), group.agencies(), Long::sum);
            byDeadline.merge(group.deadlineStatus(), group.agencies(), Long::sum);
            if (group.forecastStatus() != null) {
                byForecast.merge(group.forecastStatus(), group.agencies(), Long::sum);
            }
            met.merge(Practice.PARTNERSHIP.name(), group.partnershipMet(), Long::sum);
            met.merge(Practice.POLICY.name(), group.policyMet(), Long::sum);
            met.merge(Practice.MHFA.name(), group.mhfaMet(), Long::sum);
            met.merge(Practice.CIT.name(), group.citMet(), Long::sum);
            eligible += group.eligible();
            if (PledgeStatus.PLEDGED.name().equals(group.pledgeStatus())) {
                eligibleNotSubmitted += group.eligible();
            }
            if (DeadlineStatus.OVERDUE.name().equals(group.deadlineStatus())) {
                overdue += group.agencies();
            }
        }
        return new CampaignSummary(
                wanted, agencies, byPledge, byDeadline, byForecast, met, eligible, eligibleNotSubmitted, overdue);
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (Exception e) {
            return null;
        }
    }
}
