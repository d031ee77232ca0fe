package org.onemind.platform.inbox;

import org.onemind.platform.events.CloudEvent;

import java.util.Set;

/**
 * What a consumer does with one event, inside the transaction that also records the event as
 * processed. Implementations are beans; {@link IncomingEvents} finds them by channel to replay
 * dead letters.
 */
public interface EventHandler {

    /** The incoming channel ({@code mp.messaging.incoming.<channel>}) this handler consumes. */
    String channel();

    /**
     * The event types this consumer applies. Another version of one of them ({@code .v2} where it
     * knows {@code .v1}) is refused as unknown: no retry can teach it the new shape. Types of other
     * names are none of its business and are passed over.
     */
    Set<String> types();

    /** Applies the event; throws {@link org.onemind.platform.events.UnprocessableEventException} for data no retry can fix. */
    void apply(CloudEvent event);

    /**
     * Called once after the events of a batch (or a single event) were applied, in the same
     * transaction: where work that several events of the batch ask for is done once (an agency's
     * evaluation after all its certifications of the batch).
     */
    default void finishBatch() {
    }
}
