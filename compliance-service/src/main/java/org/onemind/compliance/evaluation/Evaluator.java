package org.onemind.compliance.evaluation;

import static org.onemind.platform.contract.ComplianceTopic.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.onemind.compliance.projection.AgencyFactsRepository;
import org.onemind.compliance.rules.AgencyFacts;
import org.onemind.compliance.rules.CompletionForecast;
import org.onemind.compliance.rules.ComplianceRules;
import org.onemind.compliance.rules.Evaluation;
import org.onemind.compliance.rules.ExpiryForecast;
import org.onemind.compliance.rules.RuleEdition;
import org.onemind.compliance.timeline.EvaluationLog;
import org.onemind.compliance.timeline.Figures;
import org.onemind.platform.contract.ForecastStatus;
import org.onemind.platform.contract.Practice;
import org.onemind.platform.outbox.Outbox;
import org.onemind.platform.tracing.EventSpans;
import org.onemind.platform.tx.Jdbc;

/**
 * Re-evaluates an agency after a change to its facts, stores the result and, when a practice,
 * eligibility or a figure changed, records it in the history (the timeline's rows) and publishes
 * {@code compliance-evaluated}.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class Evaluator {

    @Inject
    EventSpans spans;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /** {@code onemind_evaluations_total{published}}: evaluations stored, and whether they were news (an event). */
    private io.micrometer.core.instrument.Counter evaluationsPublished;

    private io.micrometer.core.instrument.Counter evaluationsUnchanged;

    @jakarta.annotation.PostConstruct
    void registerMetrics() {
        evaluationsPublished = evaluations("true");
        evaluationsUnchanged = evaluations("false");
    }

    private io.micrometer.core.instrument.Counter evaluations(String published) {
        return io.micrometer.core.instrument.Counter.builder("onemind.evaluations")
                .description("Agency evaluations stored; published=true when they changed a status or a figure")
                .tag("published", published)
                .register(registry);
    }

    @Inject
    AgencyFactsRepository facts;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    EvaluationLog evaluationLog;

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

    public RuleEdition edition() {
        return RuleEdition.of(config.ruleEdition());
    }

    /** Evaluates without storing anything: for {@code asOf} questions. */
    public ComplianceResponse preview(UUID agencyId, LocalDate asOf) {
        AgencyFacts agencyFacts = facts.load(agencyId);
        return ComplianceResponse.of(
                ComplianceRules.evaluate(agencyFacts, asOf, edition()),
                Instant.now(),
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
        Due due = pending().computeIfAbsent(agencyId, id -> new Due(new java.util.ArrayList<>()));
        due.causationId = causationId;
        // The event being applied: the evaluation continues its trace (or links it, with the agency's others).
        SpanContext cause = Span.current().getSpanContext();
        if (cause.isValid()) {
            due.causes.add(cause);
        }
    }

    /** Evaluates the agencies marked in this transaction, in id order (two batches lock agencies in the same order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluatePending() {
        java.util.Map<UUID, Due> pending = pending();
        for (UUID agencyId : new java.util.TreeSet<>(pending.keySet())) {
            Due due = pending.get(agencyId);
            Span span = spans.coalesced("evaluate agency", due.causes);
            span.setAttribute(EventSpans.AGENCY_ID, agencyId.toString());
            try (Scope scope = span.makeCurrent()) {
                reevaluate(agencyId, due.causationId);
            } catch (RuntimeException failure) {
                EventSpans.failed(span, failure);
                throw failure;
            } finally {
                span.end();
            }
        }
        pending.clear();
    }

    /** An agency to evaluate: the last event that changed it, and the spans of the events that did. */
    private static final class Due {
        final List<SpanContext> causes;
        String causationId;

        Due(List<SpanContext> causes) {
            this.causes = causes;
        }
    }

    /** This transaction's agencies to evaluate. */
    @SuppressWarnings("unchecked")
    private java.util.Map<UUID, Due> pending() {
        java.util.Map<UUID, Due> pending = (java.util.Map<UUID, Due>) transactions.getResource(Pending.class);
        if (pending == null) {
            pending = new java.util.HashMap<>();
            transactions.putResource(Pending.class, pending);
        }
        return pending;
    }

    private static final class Pending {}

    /** What the next evaluation is compared with. */
    private record Previous(
            boolean eligible,
            boolean partnershipMet,
            boolean policyMet,
            boolean mhfaMet,
            boolean citMet,
            String body,
            String forecastStatus) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public ComplianceResponse reevaluate(UUID agencyId, String causationId) {
        // Events of one agency arrive on two topics at once; evaluate them one after the other.
        Jdbc.first(
                em,
                "select pg_advisory_xact_lock(?)",
                row -> true,
                agencyId.getMostSignificantBits() ^ agencyId.getLeastSignificantBits());
        Instant now = Instant.now();
        AgencyFacts agencyFacts = facts.load(agencyId);
        Evaluation evaluation = ComplianceRules.evaluate(agencyFacts, LocalDate.now(), edition());
        ComplianceResponse response = ComplianceResponse.of(
                evaluation,
                now,
                ExpiryForecast.forecast(agencyFacts, evaluation.asOf(), config.expiryWarningDays(), edition()));

        CompletionForecast.Forecast forecast = forecast(agencyId, agencyFacts, evaluation);

        // The stored evaluation (StoredEvaluation's table) with plain JDBC: this runs once per event at idle.
        java.util.Optional<Previous> previous = Jdbc.first(
                em,
                "select eligible, partnership_met, policy_met, mhfa_met,"
                        + " cit_met, body, forecast_status from evaluation where agency_id = ?",
                row -> new Previous(
                        row.getBoolean(1),
                        row.getBoolean(2),
                        row.getBoolean(3),
                        row.getBoolean(4),
                        row.getBoolean(5),
                        row.getString(6),
                        row.getString(7)),
                agencyId);
        Previous stored = previous.orElse(new Previous(false, false, false, false, false, null, null));
        List<Change> changes = new ArrayList<>();
        compare(changes, Practice.PARTNERSHIP, stored.partnershipMet(), evaluation);
        compare(changes, Practice.POLICY, stored.policyMet(), evaluation);
        compare(changes, Practice.MHFA, stored.mhfaMet(), evaluation);
        compare(changes, Practice.CIT, stored.citMet(), evaluation);
        boolean eligibleChanged = stored.eligible() != evaluation.eligible();
        // Figures matter too: agency-service's completion letter quotes them, so a new count is news.
        boolean figuresChanged = previous.isEmpty()
                || !response.practices().equals(parse(agencyId, stored.body()).practices());

        String body = write(response);
        java.time.OffsetDateTime evaluatedAt = now.atOffset(java.time.ZoneOffset.UTC);
        Jdbc.update(
                em,
                "insert into evaluation (agency_id, evaluated_at, rule_edition, eligible, partnership_met, policy_met,"
                        + " mhfa_met, cit_met, deadline_status, body, body_format, forecast_status)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (agency_id) do update set evaluated_at = excluded.evaluated_at,"
                        + " rule_edition = excluded.rule_edition, eligible = excluded.eligible,"
                        + " partnership_met = excluded.partnership_met, policy_met = excluded.policy_met,"
                        + " mhfa_met = excluded.mhfa_met, cit_met = excluded.cit_met, deadline_status = excluded.deadline_status,"
                        + " body = excluded.body, body_format = excluded.body_format,"
                        + " forecast_status = excluded.forecast_status",
                agencyId,
                evaluatedAt,
                evaluation.ruleEdition().label(),
                evaluation.eligible(),
                evaluation.partnership().met(),
                evaluation.policy().met(),
                evaluation.mhfa().met(),
                evaluation.cit().met(),
                evaluation.deadlineStatus().name(),
                body,
                ComplianceBodies.FORMAT,
                forecast == null ? null : forecast.status().name());
        if (!ForecastStatus.AT_RISK.name().equals(stored.forecastStatus())) {
            announceIfAtRisk(agencyId, forecast); // only when it turns AT_RISK: no write per evaluation after
        }

        boolean news = !changes.isEmpty() || eligibleChanged || figuresChanged;
        (news ? evaluationsPublished : evaluationsUnchanged).increment();
        if (news) {
            evaluationLog.record(
                    agencyId,
                    evaluatedAt,
                    causationId,
                    write(changes),
                    body,
                    Figures.of(evaluation.eligible(), evaluation.practices()));
            outbox.publish(
                    COMPLIANCE_EVALUATED,
                    agencyId.toString(),
                    agencyId.toString(),
                    new ComplianceEvaluated(
                            agencyId,
                            now,
                            response.asOf(),
                            response.ruleEdition(),
                            response.eligible(),
                            response.practices(),
                            response.deadlineStatus(),
                            response.warnings(),
                            changes,
                            eligibleChanged,
                            causationId));
        }
        return response;
    }

    /**
     * The agency's completion forecast on the evaluation's day; null without an active pledge. The pace
     * is read from the kept evaluations only where a training practice is unmet (else it is not used).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CompletionForecast.Forecast forecast(UUID agencyId, AgencyFacts agencyFacts, Evaluation evaluation) {
        boolean pledged = agencyFacts.pledge() != null && agencyFacts.pledge().active();
        int weeks = config.forecastWindowWeeks();
        CompletionForecast.Baseline baseline =
                pledged && !(evaluation.mhfa().met() && evaluation.cit().met())
                        ? evaluationLog.baseline(agencyId, evaluation.asOf().minusWeeks(weeks))
                        : null;
        return CompletionForecast.forecast(agencyFacts, evaluation.asOf(), baseline, weeks, edition());
    }

    /** The agency's forecast as of now, evaluated but not stored. */
    @Transactional
    public CompletionForecast.Forecast forecastNow(UUID agencyId) {
        AgencyFacts agencyFacts = facts.load(agencyId);
        return forecast(agencyId, agencyFacts, ComplianceRules.evaluate(agencyFacts, LocalDate.now(), edition()));
    }

    /** An agency whose forecast is AT_RISK is told once per target date ({@code forecast-at-risk}). */
    private void announceIfAtRisk(UUID agencyId, CompletionForecast.Forecast forecast) {
        if (forecast == null || forecast.status() != ForecastStatus.AT_RISK) {
            return;
        }
        int noticed = Jdbc.update(
                em,
                "insert into forecast_notice (agency_id, target_completion_on, noticed_at) values (?, ?, now())"
                        + " on conflict do nothing",
                agencyId,
                forecast.targetCompletionOn());
        if (noticed == 1) {
            outbox.publish(
                    FORECAST_AT_RISK,
                    agencyId.toString(),
                    agencyId.toString(),
                    new ForecastAtRisk(
                            agencyId,
                            forecast.asOf(),
                            forecast.targetCompletionOn(),
                            forecast.windowWeeks(),
                            forecast.practices()));
        }
    }

    /**
     * The agency's latest evaluation as JSON, if it has one: the platform's most frequent read, so
     * one indexed query on a pooled connection, without an ORM session, and the body served as
     * stored when today's code wrote it (else read and written again in today's shape).
     */
    public java.util.Optional<String> latestJson(UUID agencyId) {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement statement =
                        connection.prepareStatement("select body, body_format from evaluation where agency_id = ?")) {
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
            changes.add(new Change(practice, Standing.of(wasMet), Standing.of(met)));
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
