package org.onemind.agency.completion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A submitted completion letter and its review. */
@Entity
public class Completion extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID agencyId;
    public UUID pledgeId;
    public LocalDate submittedOn;
    public String signerName;
    public String signerRank;
    public String letterDocument;

    @Enumerated(EnumType.STRING)
    public CompletionStatus status;

    public String reviewReason;
    public LocalDate reviewedOn;
    public String reviewedBy;
    public Instant createdAt;

    public static Optional<Completion> latestOf(UUID agencyId) {
        return find("agencyId = ?1 order by createdAt desc", agencyId).firstResultOptional();
    }
}
