package org.onemind.compliance.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An agency's figures over time, one point per day, week or month: what a progress chart draws.
 * {@code coveredFrom} is the day of the agency's first evaluation; there are no points before it.
 */
public record AgencyTimeline(
        UUID agencyId,
        LocalDate from,
        LocalDate to,
        String granularity,
        LocalDate coveredFrom,
        List<AgencyTimelinePoint> points) {}
