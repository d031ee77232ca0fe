package org.onemind.compliance.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The latest evaluation of an agency: the flags to compare the next one with, and the body served.
 * {@link Evaluator} reads and writes it with plain JDBC (once per event); the mapping serves the rest.
 */
@Entity
@Table(name = "evaluation")
public class StoredEvaluation extends PanacheEntityBase {
    @Id
    public UUID agencyId;

    public Instant evaluatedAt;
    public String ruleEdition;
    public boolean eligible;
    public boolean partnershipMet;
    public boolean policyMet;
    public boolean mhfaMet;
    public boolean citMet;
    public String deadlineStatus;
    public String body;
    /** {@link ComplianceBodies#FORMAT} of the code that wrote {@link #body}. */
    public Integer bodyFormat;
}
