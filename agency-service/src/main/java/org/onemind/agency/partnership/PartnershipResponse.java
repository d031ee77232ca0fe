package org.onemind.agency.partnership;

import java.time.LocalDate;
import java.util.UUID;

/** A partnership as the API answers it. */
public record PartnershipResponse(
        UUID id,
        UUID agencyId,
        UUID organizationId,
        String organizationName,
        LocalDate mouSignedOn,
        String description,
        String documentReference,
        LocalDate endedOn,
        String endReason,
        boolean active) {}
