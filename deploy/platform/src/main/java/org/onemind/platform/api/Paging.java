package org.onemind.platform.api;

/** The bounds of every paged list: with {@code size} at most 500, the deepest offset stays far inside an int. */
public final class Paging {
    /** The last page a list answers (0-based); a deeper one is a 400 problem. */
    public static final int MAX_PAGE = 100_000;

    private Paging() {}
}
