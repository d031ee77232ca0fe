package org.onemind.platform.input;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one reading of a calendar date, in JSON, CSV and query parameters alike: exactly
 * {@code YYYY-MM-DD}, a real day, between {@link #EARLIEST} and {@link #LATEST}. Nothing in the
 * campaign happened before 1900 or is planned after 2199; wider years (year 0, negative years,
 * {@code +999999999}) would be stored as other dates or overflow later arithmetic.
 */
public final class Dates {
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    public static final String RULE = "must be a date in the form YYYY-MM-DD between " + EARLIEST + " and " + LATEST;
    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The date, or null when the text is not one we take (then {@link #RULE} says why). */
    public static LocalDate parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.isBefore(EARLIEST) || date.isAfter(LATEST) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Dates() {}
}
