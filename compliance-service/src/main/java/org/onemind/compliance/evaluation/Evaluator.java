package org.onemind.compliance.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.onemind.compliance.projection.AgencyFactsRepository;
import org.onemind.compliance.rules.AgencyFacts;
import org.onemind.compliance.rules.ComplianceRules;
import org.onemind.compliance.rules.ExpiryForecast;
import org.onemind.compliance.rules.Evaluation;
import org.onemind.compliance.rules.Practice;
import org.onemind.compliance.rules.RuleEdition;
import org.onemind.platform.outbox.Outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Re-evaluates an agency after a change to its facts, stores the result and, when a practice or
 * eligibility changed, records it in the history and publishes {@code compliance-evaluated}.
 */
@ApplicationScoped
public class Evaluator {
    public static final String TOPIC = "compliance.events";
    public static final String COMPLIANCE_EVALUATED = "onemind.compliance.compliance-evaluated.v1";

    @Inject
    AgencyFactsRepository facts;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    private com.fasterxml.jackson.databind.ObjectReader storedBodies;

    @jakarta.annotation.PostConstruct
    void readers() {
        storedBodies = json.readerFor(ComplianceResponse.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Inject
    ComplianceConfig config;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    public record Change(String practice, String from, String to) {
    }

    /** The event body: the evaluation as served, plus what changed and why. */
    public record ComplianceEvaluated(UUID agencyId, Instant evaluatedAt, LocalDate asOf, String ruleEdition,
                                      boolean eligible, ComplianceResponse.Practices practices, String deadlineStatus,
                                      List<String> warnings, List<Change> changes, boolean eligibleChanged,
                                      String causationId) {
    }

    public RuleEdition edition() {
        return RuleEdition.of(config.ruleEdition());
    }

    /** Evaluates without storing anything: for {@code asOf} questions. */
    public ComplianceResponse preview(UUID agencyId, LocalDate asOf) {
        AgencyFacts agencyFacts = facts.load(agencyId);
        return ComplianceResponse.of(ComplianceRules.evaluate(agencyFacts, asOf, edition()), Instant.now(),
                ExpiryForecast.forecast(agencyFacts, asOf, config.expiryWarningDays(), edition()));
    }

    /** Certifications whose expiry within {@code withinDays} would make a met practice unmet. */
    public List<ExpiryForecast.Risk> expiring(UUID agencyId, int withinDays) {
        return ExpiryForecast.forecast(facts.load(agencyId), LocalDate.now(), withinDays, edition());
    }

    /**
     * Marks the agency for evaluation when the consumer's batch is applied ({@link #evaluatePending}):
     * a class roster of 1,000 certifications costs one evaluation of the agency, not 1,000.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reevaluateLater(UUID agencyId, String causationId) {
        pending().put(agencyId, causationId);
    }

    /** Evaluates the agencies marked in this transaction, in id order (two batches lock agencies in the same order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluatePending() {
        java.util.Map<UUID, String> pending = pending();
        for (UUID agencyId : new java.util.TreeSet<>(pending.keySet())) {
            reevaluate(agencyId, pending.get(agencyId));
        }
        pending.clear();
    }

    /** This transaction's agencies to evaluate, each with the last event that changed it. */
    @SuppressWarnings("unchecked")
    private java.util.Map<UUID, String> pending() {
        java.util.Map<UUID, String> pending = (java.util.Map<UUID, String>) transactions.getResource(Pending.class);
        if (pending == null) {
            pending = new java.util.HashMap<>();
            transactions.putResource(Pending.class, pending);
        }
        return pending;
    }

    private static final class Pending {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ComplianceResponse reevaluate(UUID agencyId, String causationId) {
        // Events of one agency arrive on two topics at once; evaluate them one after the other.
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, agencyId.getMostSignificantBits() ^ agencyId.getLeastSignificantBits())
                .getSingleResult();
        Instant now = Instant.now();
        AgencyFacts agencyFacts = facts.load(agencyId);
        Evaluation evaluation = ComplianceRules.evaluate(agencyFacts, LocalDate.now(), edition());
        ComplianceResponse response = ComplianceResponse.of(evaluation, now,
                ExpiryForecast.forecast(agencyFacts, evaluation.asOf(), config.expiryWarningDays(), edition()));

        StoredEvaluation stored = StoredEvaluation.findById(agencyId);
        boolean first = stored == null;
        if (first) {
            stored = new StoredEvaluation();
            stored.agencyId = agencyId;
        }
        List<Change> changes = new ArrayList<>();
        compare(changes, Practice.PARTNERSHIP, stored.partnershipMet, evaluation);
        compare(changes, Practice.POLICY, stored.policyMet, evaluation);
        compare(changes, Practice.MHFA, stored.mhfaMet, evaluation);
        compare(changes, Practice.CIT, stored.citMet, evaluation);
        boolean eligibleChanged = stored.eligible != evaluation.eligible();
        // Figures matter too: agency-service's completion letter quotes them, so a new count is news.
        boolean figuresChanged = first || !response.practices().equals(parse(agencyId, stored.body).practices());

        stored.evaluatedAt = now;
        stored.ruleEdition = evaluation.ruleEdition().label();
        stored.eligible = evaluation.eligible();
        stored.partnershipMet = evaluation.partnership().met();
        stored.policyMet = evaluation.policy().met();
        stored.mhfaMet = evaluation.mhfa().met();
        stored.citMet = evaluation.cit().met();
        stored.deadlineStatus = evaluation.deadlineStatus().name();
        stored.body = write(response);
        stored.bodyFormat = ComplianceBodies.FORMAT;
        if (first) {
            stored.persist();
        }

        if (!changes.isEmpty() || eligibleChanged) {
            em.createNativeQuery("insert into evaluation_change (agency_id, evaluated_at, causation_id, changes, body)"
                            + " values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, agencyId).setParameter(2, now).setParameter(3, causationId)
                    .setParameter(4, write(changes)).setParameter(5, stored.body)
                    .executeUpdate();
        }
        if (!changes.isEmpty() || eligibleChanged || figuresChanged) {
            outbox.publish(TOPIC, agencyId.toString(), COMPLIANCE_EVALUATED, agencyId.toString(),
                    new ComplianceEvaluated(agencyId, now, response.asOf(), response.ruleEdition(), response.eligible(),
                            response.practices(), response.deadlineStatus().name(), response.warnings(), changes,
                            eligibleChanged, causationId));
        }
        return response;
    }

    /**
     * The agency's latest evaluation as JSON, if it has one: the platform's most frequent read, so
     * one indexed query on a pooled connection, without an ORM session, and the body served as
     * stored when today's code wrote it (else read and written again in today's shape).
     */
    public java.util.Optional<String> latestJson(UUID agencyId) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement(
                     "select body, body_format from evaluation where agency_id = ?")) {
            statement.setObject(1, agencyId);
            try (java.sql.ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return java.util.Optional.empty();
                }
                String body = row.getString(1);
                int format = row.getInt(2);
                boolean current = !row.wasNull() && format == ComplianceBodies.FORMAT;
                return java.util.Optional.of(current ? body : write(parse(agencyId, body)));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the evaluation of " + agencyId + " could not be read", e);
        }
    }

    private ComplianceResponse parse(UUID agencyId, String body) {
        try {
            // Stored by any version of this service: fields a newer version added are skipped.
            return storedBodies.readValue(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evaluation of " + agencyId + " is unreadable", e);
        }
    }

    private static void compare(List<Change> changes, Practice practice, boolean wasMet, Evaluation now) {
        boolean met = now.met(practice);
        if (met != wasMet) {
            changes.add(new Change(practice.name(), state(wasMet), state(met)));
        }
    }

    private static String state(boolean met) {
        return met ? "MET" : "UNMET";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
