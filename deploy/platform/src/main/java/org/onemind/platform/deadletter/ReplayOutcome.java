package org.onemind.platform.deadletter;

import java.util.List;
import java.util.UUID;

/** What a replay of pending dead letters did. */
public record ReplayOutcome(int attempted, int replayed, List<Failure> stillFailing, long remainingPending) {
    public record Failure(UUID id, String reason) {}
}
