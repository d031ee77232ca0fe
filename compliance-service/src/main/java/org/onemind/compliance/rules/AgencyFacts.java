package org.onemind.compliance.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Everything the rules need to know about one agency, as plain values. */
public record AgencyFacts(
        UUID agencyId,
        Integer declaredSworn,
        Pledge pledge,
        List<Partnership> partnerships,
        Policy policy,
        List<Person> personnel,
        List<Certification> certifications) {

    public AgencyFacts {
        partnerships = List.copyOf(partnerships);
        personnel = List.copyOf(personnel);
        certifications = List.copyOf(certifications);
    }

    /** {@code active} is false once the pledge is withdrawn or completed. */
    public record Pledge(LocalDate pledgedOn, LocalDate targetCompletionOn, boolean active, boolean completed) {}

    public record Partnership(
            UUID partnershipId, boolean mentalHealthProvider, LocalDate mouSignedOn, LocalDate endedOn) {
        boolean activeOn(LocalDate date) {
            return mentalHealthProvider && !mouSignedOn.isAfter(date) && (endedOn == null || endedOn.isAfter(date));
        }
    }

    public record Policy(String title, LocalDate adoptedOn) {}

    /** A person counts from the hire date (when known) until the day before separation. */
    public record Person(
            UUID personnelId, boolean sworn, boolean selectedForTraining, LocalDate hiredOn, LocalDate separatedOn) {
        boolean activeOn(LocalDate date) {
            return (hiredOn == null || !hiredOn.isAfter(date)) && (separatedOn == null || separatedOn.isAfter(date));
        }
    }

    /** Current from the completion date until the day before {@code expiresOn}; never once revoked. */
    public record Certification(
            UUID certificationId,
            UUID personnelId,
            boolean mhfa,
            boolean cit,
            LocalDate completedOn,
            LocalDate expiresOn,
            boolean revoked,
            boolean inPerson) {
        boolean currentOn(LocalDate date) {
            return !revoked && !completedOn.isAfter(date) && (expiresOn == null || expiresOn.isAfter(date));
        }
    }
}
