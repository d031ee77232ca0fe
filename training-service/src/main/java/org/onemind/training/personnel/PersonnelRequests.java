package org.onemind.training.personnel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public final class PersonnelRequests {
    private PersonnelRequests() {}

    /** Names are refused when they start like a spreadsheet formula, so exports cannot carry one. */
    public record AddPersonnel(
            @NotBlank
            @Size(max = 50)
            @Pattern(regexp = "[A-Za-z0-9._/-]+", message = "may hold letters, digits and . _ / - only")
            String employeeNumber,

            @NotBlank @Size(max = 100) @Pattern(regexp = "^[^=+\\-@\\t\\r].*", message = "must not start with = + - @")
            String firstName,

            @NotBlank @Size(max = 100) @Pattern(regexp = "^[^=+\\-@\\t\\r].*", message = "must not start with = + - @")
            String lastName,

            @NotNull Boolean sworn,
            @Size(max = 100) String role,
            Boolean selectedForTraining,
            @PastOrPresent LocalDate hiredOn) {}

    /** A partial update: absent fields keep their value. */
    public record UpdatePersonnel(
            @Size(min = 1, max = 100) @Pattern(regexp = "^[^=+\\-@\\t\\r].*", message = "must not start with = + - @")
            String firstName,

            @Size(min = 1, max = 100) @Pattern(regexp = "^[^=+\\-@\\t\\r].*", message = "must not start with = + - @")
            String lastName,

            Boolean sworn,
            @Size(max = 100) String role,
            Boolean selectedForTraining,
            @PastOrPresent LocalDate hiredOn) {}

    public record Separate(@NotNull LocalDate separatedOn) {}
}
