package org.onemind.training.recognition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.onemind.training.course.Category;

/** An agency's request that a course be recognized as MHFA- or CIT-equivalent. */
@Entity
@Table(name = "recognition_request")
public class RecognitionRequest extends PanacheEntityBase {
    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    public UUID id;

    public UUID agencyId;
    public String name;
    public String provider;
    public BigDecimal hours;
    /** The topics covered, one per line. */
    public String topics;

    @Enumerated(EnumType.STRING)
    public Category requestedCategory;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String decisionReason;
    public UUID courseId;
    public String decidedBy;
    public Instant decidedAt;
    public Instant createdAt;
}
