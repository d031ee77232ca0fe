package org.onemind.platform.inbox;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.onemind.platform.contract.AgencyTopic;
import org.onemind.platform.contract.EventType;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.events.EventPayloads;
import org.onemind.platform.security.AccessRevocations;

/**
 * The base of every consumer: names its channel and registers a typed handler per event type it
 * applies ({@link #on}); {@link IncomingEvents} does the rest (retries, idempotency, dead letters).
 * A subclass adds the {@code @Incoming} method that calls {@link #consumeAll}.
 */
public abstract class EventConsumer implements EventHandler {
    private final String channel;
    private final Map<String, Route<?>> routes = new HashMap<>();

    @Inject
    IncomingEvents incoming;

    @Inject
    AccessRevocations revocations;

    protected EventConsumer(String channel) {
        this.channel = channel;
    }

    /** Applies every event of {@code type} with {@code handler}. */
    protected <T extends Record> void on(EventType<T> type, Consumer<Received<T>> handler) {
        on(type, null, handler);
    }

    /**
     * Applies the events of {@code type} it {@code needs} with {@code handler}; passes over the
     * others before any transaction (see {@link EventHandler#needs}).
     */
    protected <T extends Record> void on(EventType<T> type, Predicate<T> needs, Consumer<Received<T>> handler) {
        if (routes.put(type.name(), new Route<>(type, needs, handler)) != null) {
            throw new IllegalStateException(channel + " registers two handlers for " + type);
        }
    }

    /** Also applies agency-service's access revocations: tokens of a removed member or a revoked partner are refused. */
    protected void refuseRevokedAccess() {
        refuseRevokedAccess(event -> {});
    }

    /** Like {@link #refuseRevokedAccess()}, and {@code alsoDo} in the same transaction (what the revoked caller left behind). */
    protected void refuseRevokedAccess(Consumer<Received<AgencyTopic.AccessRevoked>> alsoDo) {
        on(AgencyTopic.ACCESS_REVOKED, event -> {
            revocations.apply(event.data());
            alsoDo.accept(event);
        });
    }

    /**
     * Applies one poll's records in one transaction (channels with {@code batch=true}), falling back
     * to one by one when a record is at fault.
     */
    protected void consumeAll(org.apache.kafka.clients.consumer.ConsumerRecords<String, String> records) {
        java.util.List<ConsumerRecord<String, String>> list = new java.util.ArrayList<>(records.count());
        records.forEach(list::add);
        incoming.consumeAll(this, list);
    }

    @Override
    public final String channel() {
        return channel;
    }

    @Override
    public final Set<String> types() {
        return routes.keySet();
    }

    @Override
    public final boolean needs(CloudEvent event) {
        Route<?> route = routes.get(event.type());
        return route == null || route.needs(event);
    }

    @Override
    public final void apply(CloudEvent event) {
        Route<?> route = routes.get(event.type());
        if (route != null) {
            route.apply(event);
        }
    }

    private record Route<T extends Record>(EventType<T> type, Predicate<T> needs, Consumer<Received<T>> handler) {
        /** Reads the data only for a handler that decides from it. */
        boolean needs(CloudEvent event) {
            return needs == null || needs.test(EventPayloads.read(event, type));
        }

        void apply(CloudEvent event) {
            Instant time = event.time() == null ? Instant.now() : event.time().toInstant();
            handler.accept(new Received<>(event.id(), type, time, EventPayloads.read(event, type)));
        }
    }
}
