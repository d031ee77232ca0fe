package org.onemind.compliance.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "agency_id")
    public UUID agencyId;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
    @Column(name = "rule_edition")
    public String ruleEdition;
    public boolean eligible;
    @Column(name = "partnership_met")
    public boolean partnershipMet;
    @Column(name = "policy_met")
    public boolean policyMet;
    @Column(name = "mhfa_met")
    public boolean mhfaMet;
    @Column(name = "cit_met")
    public boolean citMet;
    @Column(name = "deadline_status")
    public String deadlineStatus;
    public String body;
    /** {@link ComplianceBodies#FORMAT} of the code that wrote {@link #body}. */
    @Column(name = "body_format")
    public Integer bodyFormat;
}
