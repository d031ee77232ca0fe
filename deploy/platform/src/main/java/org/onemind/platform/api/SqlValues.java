package org.onemind.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Values of native-query result rows, whichever JDBC type the driver chose for them. */
public final class SqlValues {
    private SqlValues() {}

    public static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
