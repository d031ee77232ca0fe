package org.onemind.platform.api;

import org.onemind.platform.problem.ApiException;

/** Versions as ETags: optimistic concurrency for updates with {@code If-Match}. */
public final class ETags {
    /** Whether the current version satisfies the version an If-Match named. */
    public static boolean matches(int currentVersion, int expectedVersion) {
        return expectedVersion == ANY_VERSION || currentVersion == expectedVersion;
    }

    private ETags() {}

    /** {@code If-Match: *}: any current version (RFC 9110 13.1.1), i.e. "the resource exists". */
    public static final int ANY_VERSION = -1;

    /**
     * The version an {@code If-Match} names ({@link #ANY_VERSION} for {@code *}): 428 when it is
     * missing, 412 when it is not one of ours.
     */
    public static int versionOf(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired(
                    "send the " + what + "'s ETag as If-Match, so that no one's change is lost");
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return ANY_VERSION;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            int version = Integer.parseInt(tag.replace("\"", ""));
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw ApiException.preconditionFailed("If-Match is not an ETag of this " + what);
        }
    }
}
