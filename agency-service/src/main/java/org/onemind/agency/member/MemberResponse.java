package org.onemind.agency.member;

import java.time.Instant;
import java.util.UUID;

/**
 * A manager of an agency. {@code INVITED} until they have set a password through the emailed
 * link, {@code ACTIVE} afterwards.
 */
public record MemberResponse(
        UUID id, UUID agencyId, String email, String firstName, String lastName, MemberStatus status, Instant since) {

    public enum MemberStatus {
        INVITED,
        ACTIVE
    }
}
