package org.onemind.training.certification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "agency_id")
    public UUID agencyId;
    @Column(name = "personnel_id")
    public UUID personnelId;
    @Column(name = "course_id")
    public UUID courseId;
    @Column(name = "completed_on")
    public LocalDate completedOn;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode")
    public DeliveryMode deliveryMode;
    public BigDecimal hours;
    @Column(name = "certificate_number")
    public String certificateNumber;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revocation_reason")
    public String revocationReason;
    @Column(name = "created_at")
    public Instant createdAt;
}
