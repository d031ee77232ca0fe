package org.onemind.platform.deadletter;

/** PENDING until a replay applies it; REPLAYED afterwards (kept as a record of what happened). */
public enum DeadLetterStatus {
    PENDING,
    REPLAYED
}
