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
            java.util.UUID agencyId,
            String name,
            String city,
            String state,
            String type,
            ListedStatus status,
            LocalDate pledgedOn,
            LocalDate completedOn) {}

    /**
     * One listed agency's public entry: its directory fields, how many of the four practices it has in
     * place (as compliance-service last evaluated it), its badge with the HTML to embed it, and, once the
     * campaign verified its completion, its Open Badges credential's id and where anyone verifies it.
     */
    public record PublicEntry(
            java.util.UUID agencyId,
            String name,
            String city,
            String state,
            String type,
            ListedStatus status,
            LocalDate pledgedOn,
            LocalDate completedOn,
            int practicesInPlace,
            String url,
            String badgeUrl,
            String badgeHtml,
            String credentialId,
            String credentialStatus,
            String verificationUrl) {}

    public record StateTotals(String state, long pledged, long completed) {}

    public record Stats(long pledged, long completed, List<StateTotals> byState) {}
}
