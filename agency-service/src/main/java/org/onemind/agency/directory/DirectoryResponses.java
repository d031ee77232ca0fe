package org.onemind.agency.directory;

import java.time.LocalDate;
import java.util.List;

/** What the public directory answers. */
public final class DirectoryResponses {
    private DirectoryResponses() {}

    public enum ListedStatus {
        PLEDGED,
        COMPLETED
    }

    public record DirectoryEntry(
            String name,
            String city,
            String state,
            String type,
            ListedStatus status,
            LocalDate pledgedOn,
            LocalDate completedOn) {}

    public record StateTotals(String state, long pledged, long completed) {}

    public record Stats(long pledged, long completed, List<StateTotals> byState) {}
}
