package org.onemind.platform.api;

import org.onemind.platform.problem.ApiException;

/** Versions as ETags: optimistic concurrency for updates with {@code If-Match}. */
public final class ETags {
    private ETags() {
    }

    /** The version an {@code If-Match} names: 428 when it is missing, 412 when it is not one of ours. */
    public static int versionOf(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired("send the " + what + "'s ETag as If-Match, so that no one's change is lost");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Integer.parseInt(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiException.preconditionFailed("If-Match " + ifMatch + " is not an ETag of this " + what);
        }
    }
}
