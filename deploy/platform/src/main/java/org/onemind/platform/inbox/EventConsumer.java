package org.onemind.platform.inbox;

import jakarta.inject.Inject;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The base of every consumer: names its channel and the event types it applies, and hands each
 * record to {@link IncomingEvents} (retries, idempotency, dead letters). A subclass adds the
 * {@code @Incoming} method that calls {@link #consume} and the {@link #apply} of its events.
 */
public abstract class EventConsumer implements EventHandler {
    private final String channel;
    private final Set<String> types;

    @Inject
    IncomingEvents incoming;

    protected EventConsumer(String channel, String... types) {
        this.channel = channel;
        this.types = Set.of(types);
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
    public String channel() {
        return channel;
    }

    @Override
    public Set<String> types() {
        return types;
    }
}
