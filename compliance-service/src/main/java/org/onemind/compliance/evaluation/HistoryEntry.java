package org.onemind.compliance.evaluation;

/** An evaluation that changed a practice, eligibility or a figure, with the event that caused it. */
public record HistoryEntry(
        java.time.Instant evaluatedAt,
        String causationId,
        com.fasterxml.jackson.databind.JsonNode changes,
        com.fasterxml.jackson.databind.JsonNode evaluation) {}
