package org.onemind.compliance.timeline;

import java.time.LocalDate;
import java.util.List;

/** The campaign's figures over time, nationally or for one state ({@code state}). */
public record CampaignTimeline(
        String state, LocalDate from, LocalDate to, String granularity, List<CampaignTimelinePoint> points) {}
