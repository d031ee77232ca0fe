package org.onemind.agency.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The embeddable badge of a listed agency, as SVG: a label and a message on two coloured fields, a
 * {@code <title>} and {@code <desc>} for screen readers, white text at a contrast of at least 4.5:1
 * (WCAG AA), and a link to the agency's public directory entry. Pure: the same entry, the same bytes.
 */
public record Badge(String label, String message, String title, String description, String link, String messageColour) {

    /** The label's field. White on it: 12.6:1. */
    static final String LABEL_COLOUR = "#333333";
    /** A pledged agency's message field. White on it: 6.9:1. */
    static final String PLEDGED_COLOUR = "#1A5E9A";
    /** A completed agency's message field. White on it: 5.1:1. */
    static final String COMPLETED_COLOUR = "#2E7D32";

    static final String TEXT_COLOUR = "#FFFFFF";

    static Badge pledged(String agency, java.time.LocalDate pledgedOn, int practicesInPlace, String link) {
        String message = practicesInPlace + " of 4 practices";
        return new Badge(
                "One Mind pledge",
                message,
                "One Mind pledge — " + message,
                agency + " took the One Mind Campaign pledge on " + pledgedOn + " and has " + practicesInPlace
                        + " of the four practices in place. Its entry in the campaign's public directory: " + link,
                link,
                PLEDGED_COLOUR);
    }

    static Badge completed(String agency, java.time.LocalDate completedOn, String link) {
        String message = "completed " + completedOn.getYear();
        return new Badge(
                "One Mind Campaign",
                message,
                "One Mind Campaign — " + message,
                agency + " completed the One Mind Campaign on " + completedOn
                        + ": all four practices in place and verified by the campaign. Its entry in the campaign's"
                        + " public directory: " + link,
                link,
                COMPLETED_COLOUR);
    }

    /** The SVG document (UTF-8), about 1 KB. */
    public String svg() {
        int labelWidth = width(label);
        int messageWidth = width(message);
        int total = labelWidth + messageWidth;
        String href = escape(link);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\""
                + total + "\" height=\"20\" viewBox=\"0 0 " + total + " 20\" role=\"img\""
                + " aria-labelledby=\"badge-title badge-desc\">"
                + "<title id=\"badge-title\">" + escape(title) + "</title>"
                + "<desc id=\"badge-desc\">" + escape(description) + "</desc>"
                + "<a href=\"" + href + "\" xlink:href=\"" + href + "\" target=\"_top\">"
                + "<rect width=\"" + labelWidth + "\" height=\"20\" fill=\"" + LABEL_COLOUR + "\"/>"
                + "<rect x=\"" + labelWidth + "\" width=\"" + messageWidth + "\" height=\"20\" fill=\""
                + messageColour + "\"/>"
                + "<g fill=\"" + TEXT_COLOUR + "\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\""
                + " text-anchor=\"middle\">"
                + "<text x=\"" + labelWidth / 2 + "\" y=\"14\">" + escape(label) + "</text>"
                + "<text x=\"" + (labelWidth + messageWidth / 2) + "\" y=\"14\">" + escape(message) + "</text>"
                + "</g></a></svg>";
    }

    /** A strong validator of the badge's bytes ({@link #svg()}): it changes exactly when they do. */
    public static String etagOf(String svg) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(svg.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verdana at 11px averages under 7px a character; 10px of padding on each side. */
    private static int width(String text) {
        return text.length() * 7 + 20;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
