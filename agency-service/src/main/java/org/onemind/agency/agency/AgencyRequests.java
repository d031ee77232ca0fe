package org.onemind.agency.agency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What clients send to register an agency. */
public final class AgencyRequests {
    private AgencyRequests() {}

    public record RegisterAgency(
            @NotBlank @Size(max = 200) String name,
            @NotNull AgencyType type,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 100) String state,

            @Size(min = 2, max = 2, message = "must be a two-letter ISO country code")
            String country,

            @NotNull @PositiveOrZero @Max(1_000_000) Integer declaredSworn,
            @NotNull @PositiveOrZero @Max(1_000_000) Integer declaredNonSworn,

            @NotEmpty(message = "must name at least one contact") @Size(max = 20)
            List<@Valid @NotNull Contact> contacts) {}

    public record Contact(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 100) String role) {}

    /** A partial update: absent fields keep their value; {@code contacts}, when given, replaces the list. */
    public record UpdateAgency(
            @Size(min = 1, max = 200) String name,
            AgencyType type,
            @Size(min = 1, max = 100) String city,
            @Size(min = 1, max = 100) String state,

            @Size(min = 2, max = 2, message = "must be a two-letter ISO country code")
            String country,

            @PositiveOrZero @Max(1_000_000) Integer declaredSworn,
            @PositiveOrZero @Max(1_000_000) Integer declaredNonSworn,

            @Size(min = 1, max = 20, message = "must name at least one contact")
            List<@Valid @NotNull Contact> contacts) {}
}
