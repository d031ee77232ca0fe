package org.onemind.platform.logging;

import java.util.regex.Pattern;

/**
 * What a log line must not carry, taken out of text that comes from elsewhere (an SMTP server's
 * refusal, a database's constraint detail): personal email addresses and bearer tokens. The
 * delivery log and dead letters, read by campaign admins through the API, keep the full text.
 */
public final class Redaction {
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private Redaction() {}

    public static String forLog(String text) {
        if (text == null) {
            return null;
        }
        return JWT.matcher(ADDRESS.matcher(text).replaceAll("<address>")).replaceAll("<token>");
    }
}
