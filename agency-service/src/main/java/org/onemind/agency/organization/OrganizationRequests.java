package org.onemind.agency.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a caller sends about an organization. */
public final class OrganizationRequests {
    private OrganizationRequests() {}

    public record CreateOrganization(
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganizationKind kind,
            @Size(max = 100) String city,
            @Size(max = 100) String state,

            @Size(max = 300) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String website) {}
}
