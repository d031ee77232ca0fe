package org.onemind.agency.partnership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** What a caller sends about a partnership. */
public final class PartnershipRequests {
    private PartnershipRequests() {}

    public record EstablishPartnership(
            @NotNull UUID organizationId,
            @NotNull LocalDate mouSignedOn,

            @org.onemind.platform.input.MultiLine @Size(max = 2000)
            String description,

            @Size(max = 500) String documentReference) {}

    public record EndPartnership(
            @NotNull LocalDate endedOn,

            @org.onemind.platform.input.MultiLine @NotBlank @Size(max = 2000)
            String reason) {}
}
