package org.onemind.training.certification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record CertificationResponse(
        UUID id,
        UUID agencyId,
        UUID personnelId,
        UUID courseId,
        List<String> categories,
        LocalDate completedOn,
        LocalDate expiresOn,
        DeliveryMode deliveryMode,
        BigDecimal hours,
        String certificateNumber,
        boolean revoked) {

    static CertificationResponse of(Certification c, List<String> categories) {
        return new CertificationResponse(
                c.id,
                c.agencyId,
                c.personnelId,
                c.courseId,
                categories,
                c.completedOn,
                c.expiresOn,
                c.deliveryMode,
                c.hours,
                c.certificateNumber,
                c.revokedAt != null);
    }
}
