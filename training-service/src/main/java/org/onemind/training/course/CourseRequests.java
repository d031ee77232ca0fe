package org.onemind.training.course;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;

/** What campaign staff send about the course catalog. */
public final class CourseRequests {
    private CourseRequests() {}

    public record CreateCourse(
            @NotBlank @Size(max = 300) String name,
            @NotNull @Size(max = 2) Set<@NotNull Category> categories,
            @NotNull @DecimalMin("0.5") @DecimalMax("200") BigDecimal hours,
            @Min(1) @Max(240) Integer validityMonths) {}

    /** Absent fields keep their value; {@code noExpiry: true} clears the validity. */
    public record ChangeCourse(
            @Size(min = 1, max = 300) String name,
            @Size(max = 2) Set<@NotNull Category> categories,
            @DecimalMin("0.5") @DecimalMax("200") BigDecimal hours,
            @Min(1) @Max(240) Integer validityMonths,
            Boolean noExpiry) {}
}
