package org.onemind.compliance.timeline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How far apart a timeline's points are: each point is the figures at the end of its day, week or month. */
public enum Granularity {
    DAY,
    WEEK,
    MONTH;

    /** As the API spells it: {@code day}, {@code week}, {@code month}. */
    public static final String PATTERN = "day|week|month";

    /** A timeline answers at most this many points (three years of days). */
    public static final int MAX_POINTS = 1_100;

    public static Granularity of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The days the points stand for, from {@code from} to {@code to} inclusive: each day, each Sunday
     * (weeks run Monday to Sunday), or each month's last day; the last point is {@code to} itself.
     */
    public List<LocalDate> pointDates(LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate end = endOfPeriod(from);
        while (end.isBefore(to)) {
            dates.add(end);
            end = endOfPeriod(end.plusDays(1));
        }
        dates.add(to);
        return dates;
    }

    /** How many points {@link #pointDates} would answer, without listing them. */
    public long pointCount(LocalDate from, LocalDate to) {
        return switch (this) {
            case DAY -> java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
            case WEEK ->
                java.time.temporal.ChronoUnit.WEEKS.between(
                                from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                                to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                        + 1;
            case MONTH ->
                java.time.temporal.ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) + 1;
        };
    }

    private LocalDate endOfPeriod(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> day.with(TemporalAdjusters.lastDayOfMonth());
        };
    }
}
