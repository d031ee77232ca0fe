package org.onemind.training.recognition;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.onemind.training.course.Category;

/** What a caller sends about course recognition. */
public final class RecognitionRequests {
    private RecognitionRequests() {}

    public record Ask(
            @NotNull UUID agencyId,
            @NotBlank @Size(max = 300) String name,
            @Size(max = 300) String provider,
            @NotNull @DecimalMin("0.5") @DecimalMax("200") BigDecimal hours,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 300) String> topics,
            @NotNull Category requestedCategory) {}

    public enum Decision {
        APPROVED,
        REJECTED
    }

    /** With APPROVED, {@code courseId} reclassifies a catalog course; without it a new course is added. */
    public record Decide(
            @NotNull Decision decision,

            @org.onemind.platform.input.MultiLine @Size(max = 2000)
            String reason,

            UUID courseId) {}
}
