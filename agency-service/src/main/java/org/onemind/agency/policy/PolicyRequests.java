package org.onemind.agency.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What a caller sends about an agency's policy. */
public final class PolicyRequests {
    private PolicyRequests() {}

    public record AdoptPolicy(
            @NotBlank @Size(max = 300) String title,
            @NotNull LocalDate adoptedOn,
            @NotNull @Size(max = 20) List<@NotNull PolicyComponent> components) {}
}
