package org.onemind.training.certification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
public class Certification extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID agencyId;
    public UUID personnelId;
    public UUID courseId;
    public LocalDate completedOn;
    public LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    public DeliveryMode deliveryMode;

    public BigDecimal hours;
    public String certificateNumber;
    public Instant revokedAt;
    public String revocationReason;
    public Instant createdAt;
}
