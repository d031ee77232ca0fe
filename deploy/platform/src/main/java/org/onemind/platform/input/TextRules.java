package org.onemind.platform.input;

import java.text.Normalizer;

/**
 * What every text the API stores must be, whether it came in JSON, a CSV cell or a query: no
 * control characters (a tab or line break only where free text allows it), no bidirectional
 * overrides that make a name read differently than it sorts, not only invisible characters, and
 * stored in Unicode NFC so that "é" typed two ways is one name.
 */
public final class TextRules {
    /** Why a text is refused, in the API's words; null when it is acceptable. */
    public static String problemWith(String text, boolean lineBreaksAllowed) {
        boolean visible = text.isEmpty();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (!lineBreaksAllowed) {
                    return "must not contain tabs or line breaks";
                }
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return "must not contain control characters";
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return "must not contain bidirectional override characters";
            }
            if (Character.getType(c) == Character.SURROGATE
                    || Character.getType(c) == Character.UNASSIGNED
                            && (c >= 0xFDD0 && c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE)) {
                return "must be valid Unicode text";
            }
            if (!visible && !invisible(c)) {
                visible = true;
            }
        }
        return visible ? null : "must contain visible characters";
    }

    /** The text as it is stored: NFC. */
    public static String normalized(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || type == Character.FORMAT
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || c == 0x115F
                || c == 0x1160
                || c == 0x3164
                || c == 0xFFA0
                || c == 0x2800;
    }

    private TextRules() {}
}
