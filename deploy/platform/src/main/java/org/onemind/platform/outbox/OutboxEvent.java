package org.onemind.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row on its way to Kafka. */
public record OutboxEvent(
        UUID id,
        String topic,
        String key,
        String type,
        String subject,
        String payload,
        String traceparent,
        Instant createdAt) {}
