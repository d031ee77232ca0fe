package org.onemind.training.certification;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public final class CertificationRequests {
    private CertificationRequests() {}

    /** The person is named by {@code personnelId} or by {@code employeeNumber}. */
    public record RecordCertification(
            UUID personnelId,
            @Size(max = 50) String employeeNumber,
            @NotNull UUID courseId,
            @NotNull LocalDate completedOn,
            @NotNull DeliveryMode deliveryMode,
            @DecimalMin("0.5") @DecimalMax("200") BigDecimal hours,
            @Size(max = 100) String certificateNumber) {}

    public record Revoke(
            @org.onemind.platform.input.MultiLine @NotBlank @Size(max = 2000)
            String reason) {}
}
