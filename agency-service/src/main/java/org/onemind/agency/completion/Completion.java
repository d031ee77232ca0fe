package org.onemind.agency.completion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "agency_id")
    public UUID agencyId;
    @Column(name = "pledge_id")
    public UUID pledgeId;
    @Column(name = "submitted_on")
    public LocalDate submittedOn;
    @Column(name = "signer_name")
    public String signerName;
    @Column(name = "signer_rank")
    public String signerRank;
    @Column(name = "letter_document")
    public String letterDocument;
    @Enumerated(EnumType.STRING)
    public CompletionStatus status;
    @Column(name = "review_reason")
    public String reviewReason;
    @Column(name = "reviewed_on")
    public LocalDate reviewedOn;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Completion> latestOf(UUID agencyId) {
        return find("agencyId = ?1 order by createdAt desc", agencyId).firstResultOptional();
    }
}
