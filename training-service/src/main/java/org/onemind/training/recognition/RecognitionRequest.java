package org.onemind.training.recognition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.onemind.training.course.Category;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An agency's request that a course be recognized as MHFA- or CIT-equivalent. */
@Entity
@Table(name = "recognition_request")
public class RecognitionRequest extends PanacheEntityBase {
    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    public UUID id;
    @Column(name = "agency_id")
    public UUID agencyId;
    public String name;
    public String provider;
    public BigDecimal hours;
    /** The topics covered, one per line. */
    public String topics;
    @Enumerated(EnumType.STRING)
    @Column(name = "requested_category")
    public Category requestedCategory;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "course_id")
    public UUID courseId;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
