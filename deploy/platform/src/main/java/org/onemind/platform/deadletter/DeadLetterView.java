package org.onemind.platform.deadletter;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "DeadLetter",
        description = "An event a consumer of this service could never apply, with where it came from and why")
public record DeadLetterView(
        UUID id,

        @Schema(description = "the consumer that set it aside, <service>/<channel>")
        String consumer,

        String topic,
        int partition,
        long offset,

        @Schema(description = "the record key: the agency id (a course id for course changes)")
        String key,

        @Schema(description = "ce_id, when the record had one")
        String eventId,

        @Schema(description = "ce_type, when the record had one")
        String eventType,

        @Schema(description = "why it could not be applied") String reason,
        Instant deadLetteredAt,
        DeadLetterStatus status,
        int replayAttempts,

        @Schema(description = "why the last replay failed, if it did")
        String lastReplayError,

        Instant replayedAt) {}
