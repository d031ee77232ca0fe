package org.onemind.agency.partnership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "agency_id")
    public UUID agencyId;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "mou_signed_on")
    public LocalDate mouSignedOn;
    public String description;
    @Column(name = "document_reference")
    public String documentReference;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public int version;

    /** True when the organization has a partnership with the agency that has not ended. */
    public static boolean active(UUID agencyId, UUID organizationId) {
        return count("agencyId = ?1 and organizationId = ?2 and endedOn is null", agencyId, organizationId) > 0;
    }
}
