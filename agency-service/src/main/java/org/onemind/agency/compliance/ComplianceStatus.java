package org.onemind.agency.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What compliance-service last said of an agency: eligibility and the evaluation (figures for the letter). */
@Entity
@Table(name = "compliance_status")
public class ComplianceStatus extends PanacheEntityBase {
    @Id
    public UUID agencyId;

    public boolean eligible;
    /** The {@code compliance-evaluated} body, as JSON. */
    public String evaluation;

    public Instant evaluatedAt;

    public static boolean eligible(UUID agencyId) {
        ComplianceStatus status = findById(agencyId);
        return status != null && status.eligible;
    }
}
