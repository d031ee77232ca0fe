package org.onemind.platform.inbox;

import java.util.Set;
import org.onemind.platform.events.CloudEvent;

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

    /**
     * Whether this event of one of its {@link #types} can change anything here. An event it has no
     * use for (a compliance evaluation that only moved a count, for a consumer that acts on met
     * practices) is passed over before any transaction: no idempotency record, no database work.
     * Decide from the event alone.
     */
    default boolean needs(CloudEvent event) {
        return true;
    }

    /** Applies the event; throws {@link org.onemind.platform.events.UnprocessableEventException} for data no retry can fix. */
    void apply(CloudEvent event);

    /**
     * Called once after the events of a batch (or a single event) were applied, in the same
     * transaction: where work that several events of the batch ask for is done once (an agency's
     * evaluation after all its certifications of the batch).
     */
    default void finishBatch() {}
}
