package org.onemind.compliance.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.onemind.platform.api.ListPage;

/** The reads of compliance beyond an agency's latest evaluation: its history of changes, the campaign's figures. */
@ApplicationScoped
public class ComplianceQueries {

    @Inject
    EntityManager em;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @SuppressWarnings("unchecked")
    public ListPage<HistoryEntry> history(UUID agencyId, int page, int size) {
        long total = ((Number) em.createNativeQuery("select count(*) from evaluation_change where agency_id = ?1")
                        .setParameter(1, agencyId)
                        .getSingleResult())
                .longValue();
        List<Object[]> rows = em.createNativeQuery(
                        "select evaluated_at, causation_id, changes, body from evaluation_change"
                                + " where agency_id = ?1 order by evaluated_at desc, id desc")
                .setParameter(1, agencyId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        List<HistoryEntry> items = new java.util.ArrayList<>();
        for (Object[] r : rows) {
            items.add(new HistoryEntry(
                    org.onemind.platform.api.SqlValues.instant(r[0]), (String) r[1], tree((String) r[2]), tree((String)
                            r[3])));
        }
        return new ListPage<>(items, page, size, total);
    }

    @SuppressWarnings("unchecked")
    public CampaignSummary summary(String state) {
        String where = state == null || state.isBlank() ? "" : " where upper(a.state) = ?1";
        var query = em.createNativeQuery("select coalesce(a.pledge_status, 'NOT_PLEDGED'), e.deadline_status,"
                + " e.partnership_met, e.policy_met, e.mhfa_met, e.cit_met, e.eligible"
                + " from evaluation e join agency_view a on a.agency_id = e.agency_id" + where);
        if (!where.isEmpty()) {
            query.setParameter(1, state.trim().toUpperCase(Locale.ROOT));
        }
        List<Object[]> rows = query.getResultList();
        Map<String, Long> byPledge = new LinkedHashMap<>();
        Map<String, Long> byDeadline = new LinkedHashMap<>();
        Map<String, Long> met = new LinkedHashMap<>(Map.of("PARTNERSHIP", 0L, "POLICY", 0L, "MHFA", 0L, "CIT", 0L));
        long eligible = 0;
        long eligibleNotSubmitted = 0;
        long overdue = 0;
        for (Object[] r : rows) {
            byPledge.merge((String) r[0], 1L, Long::sum);
            byDeadline.merge((String) r[1], 1L, Long::sum);
            String[] practices = {"PARTNERSHIP", "POLICY", "MHFA", "CIT"};
            for (int i = 0; i < practices.length; i++) {
                if ((Boolean) r[2 + i]) {
                    met.merge(practices[i], 1L, Long::sum);
                }
            }
            if ((Boolean) r[6]) {
                eligible++;
                if ("PLEDGED".equals(r[0])) {
                    eligibleNotSubmitted++;
                }
            }
            if ("OVERDUE".equals(r[1])) {
                overdue++;
            }
        }
        return new CampaignSummary(
                state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT),
                rows.size(),
                byPledge,
                byDeadline,
                met,
                eligible,
                eligibleNotSubmitted,
                overdue);
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (Exception e) {
            return null;
        }
    }
}
