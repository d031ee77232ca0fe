package org.onemind.platform.inbox;

import java.time.Instant;
import org.onemind.platform.contract.EventType;

/**
 * An event as a handler receives it: its id (what it records as the cause of its effects), its type, when
 * the producer made it (when it arrived, for an event without {@code ce_time}), and its data.
 */
public record Received<T extends Record>(String id, EventType<T> type, Instant time, T data) {}
