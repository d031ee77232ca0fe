package org.onemind.compliance.evaluation;

import java.util.Map;

/**
 * The campaign's figures: agencies by status, pledged agencies by completion forecast, per-practice met
 * counts, eligible but not submitted, overdue.
 */
public record CampaignSummary(
        String state,
        long agencies,
        Map<String, Long> byPledgeStatus,
        Map<String, Long> byDeadlineStatus,
        Map<String, Long> byForecast,
        Map<String, Long> practiceMet,
        long eligible,
        long eligibleNotSubmitted,
        long overdue) {}
