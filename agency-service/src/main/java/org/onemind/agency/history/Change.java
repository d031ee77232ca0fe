package org.onemind.agency.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One change in an agency's history: who, when, what, and the state before and after. */
public record Change(Instant at, String by, String what, JsonNode before, JsonNode after) {}
