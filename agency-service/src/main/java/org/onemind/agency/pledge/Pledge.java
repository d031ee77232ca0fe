package org.onemind.agency.pledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@Entity
public class Pledge extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "agency_id")
    public UUID agencyId;
    @Column(name = "pledged_on")
    public LocalDate pledgedOn;
    @Column(name = "target_completion_on")
    public LocalDate targetCompletionOn;
    @Column(name = "signed_by")
    public String signedBy;
    @Enumerated(EnumType.STRING)
    public PledgeStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_status")
    public DeadlineStatus deadlineStatus;
    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;
    @Column(name = "withdrawal_reason")
    public String withdrawalReason;
    @Column(name = "completed_on")
    public LocalDate completedOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public int version;

    /** The pledge that is not withdrawn (an agency has at most one). */
    /** The active pledge, or else the one withdrawn last: what "the agency's pledge" reads as. */
    public static Optional<Pledge> currentOf(UUID agencyId) {
        return activeOf(agencyId).or(() -> find("agencyId = ?1 and status = ?2 order by createdAt desc, id",
                agencyId, PledgeStatus.WITHDRAWN).firstResultOptional());
    }

    public static Optional<Pledge> activeOf(UUID agencyId) {
        return find("agencyId = ?1 and status <> ?2", agencyId, PledgeStatus.WITHDRAWN).firstResultOptional();
    }
}
