package org.onemind.compliance.timeline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.onemind.platform.problem.ApiException;

/** The days a timeline covers and how far apart its points are, as a request asks for them. */
public record TimelineSpan(LocalDate from, LocalDate to, Granularity granularity) {

    /**
     * Defaults ({@code to} today in UTC, {@code from} a year before it, {@code week}); refuses a span a
     * chart cannot use: {@code from} after {@code to}, or more points than a timeline answers.
     */
    public static TimelineSpan of(LocalDate from, LocalDate to, String granularity) {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        LocalDate first = from == null ? last.minusYears(1) : from;
        Granularity step = Granularity.of(granularity == null ? "week" : granularity);
        if (first.isAfter(last)) {
            throw ApiException.invalid("from", "must not be after to (" + last + ")");
        }
        if (step.pointCount(first, last) > Granularity.MAX_POINTS) {
            throw ApiException.invalid(
                    "granularity",
                    "from " + first + " to " + last + " is more than " + Granularity.MAX_POINTS + " points by "
                            + step.label() + "; choose a coarser granularity or a shorter span");
        }
        return new TimelineSpan(first, last, step);
    }
}
