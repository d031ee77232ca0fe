package org.onemind.agency.pledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.onemind.platform.contract.DeadlineStatus;
import org.onemind.platform.contract.PledgeStatus;

@Entity
public class Pledge extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID agencyId;
    public LocalDate pledgedOn;
    public LocalDate targetCompletionOn;
    public String signedBy;

    @Enumerated(EnumType.STRING)
    public PledgeStatus status;

    @Enumerated(EnumType.STRING)
    public DeadlineStatus deadlineStatus;

    public LocalDate withdrawnOn;
    public String withdrawalReason;
    public LocalDate completedOn;
    public Instant createdAt;

    @Version
    public int version;

    /** The pledge that is not withdrawn (an agency has at most one). */
    /** The active pledge, or else the one withdrawn last: what "the agency's pledge" reads as. */
    public static Optional<Pledge> currentOf(UUID agencyId) {
        return activeOf(agencyId)
                .or(() -> find(
                                "agencyId = ?1 and status = ?2 order by createdAt desc, id",
                                agencyId,
                                PledgeStatus.WITHDRAWN)
                        .firstResultOptional());
    }

    public static Optional<Pledge> activeOf(UUID agencyId) {
        return find("agencyId = ?1 and status <> ?2", agencyId, PledgeStatus.WITHDRAWN)
                .firstResultOptional();
    }
}
