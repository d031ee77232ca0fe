package org.onemind.agency.partnership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A memorandum of understanding between an agency and a mental-health provider. */
@Entity
public class Partnership extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID agencyId;
    public UUID organizationId;
    public LocalDate mouSignedOn;
    public String description;
    public String documentReference;
    public LocalDate endedOn;
    public String endReason;
    public Instant createdAt;

    @Version
    public int version;

    /** True when the organization has a partnership with the agency that has not ended. */
    public static boolean active(UUID agencyId, UUID organizationId) {
        return count("agencyId = ?1 and organizationId = ?2 and endedOn is null", agencyId, organizationId) > 0;
    }
}
