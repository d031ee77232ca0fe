package org.onemind.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Pure logic: the text, date and operation-pattern rules every input goes through. */
class InputRulesTest {

    @Test
    void textWithControlOverrideOrOnlyInvisibleCharactersIsRefused() {
        assertNull(TextRules.problemWith("Chief Ada Wells", false));
        assertNull(TextRules.problemWith("Zoë O'Brien-Núñez 李", false));
        assertEquals("must not contain control characters", TextRules.problemWith("a\u0000b", false));
        assertEquals("must not contain control characters", TextRules.problemWith("a\u0085b", false));
        assertEquals("must not contain bidirectional override characters", TextRules.problemWith("\u202Eabc", false));
        assertEquals("must not contain bidirectional override characters", TextRules.problemWith("a\u2067b", false));
        assertEquals("must contain visible characters", TextRules.problemWith("\u200B", false));
        assertEquals("must contain visible characters", TextRules.problemWith(" \u00A0\u3000\uFEFF", false));
        assertEquals("must not contain tabs or line breaks", TextRules.problemWith("two\nlines", false));
        assertNull(TextRules.problemWith("two\nlines\tand a tab", true));
        assertEquals("must be valid Unicode text", TextRules.problemWith("a\uD800b", false));
        assertEquals("Ren\u00e9", TextRules.normalized("Rene\u0301"));
    }

    @Test
    void datesAreExactlyYearMonthDayWithinTheCampaignsRange() {
        assertEquals(LocalDate.of(2026, 2, 28), Dates.parse("2026-02-28"));
        assertEquals(Dates.EARLIEST, Dates.parse("1900-01-01"));
        assertEquals(Dates.LATEST, Dates.parse("2199-12-31"));
        assertNull(Dates.parse("1899-12-31"));
        assertNull(Dates.parse("2200-01-01"));
        assertNull(Dates.parse("+999999999-12-31"));
        assertNull(Dates.parse("0000-12-31"));
        assertNull(Dates.parse("-0001-01-01"));
        assertNull(Dates.parse("2026-02-30"));
        assertNull(Dates.parse("2026-2-3"));
        assertNull(Dates.parse(" 2026-02-03"));
        assertNull(Dates.parse("20260203"));
    }

    @Test
    void operationPatternsMatchOneSegmentOrTheRest() {
        assertTrue(OperationPatterns.compile("GET /api/v1/organizations/*")
                .matcher("GET /api/v1/organizations/42")
                .matches());
        assertFalse(OperationPatterns.compile("GET /api/v1/organizations/*")
                .matcher("GET /api/v1/organizations/42/api-clients")
                .matches());
        assertTrue(OperationPatterns.compile("GET /api/v1/directory/**")
                .matcher("GET /api/v1/directory/agencies")
                .matches());
        assertTrue(OperationPatterns.compile("POST /api/v1/agencies/*/personnel/import")
                .matcher("POST /api/v1/agencies/5f0c/personnel/import")
                .matches());
        assertFalse(OperationPatterns.compile("GET /api/v1/courses")
                .matcher("POST /api/v1/courses")
                .matches());
        assertFalse(OperationPatterns.compile("GET /api/v1/c.urses")
                .matcher("GET /api/v1/courses")
                .matches());
    }
}
