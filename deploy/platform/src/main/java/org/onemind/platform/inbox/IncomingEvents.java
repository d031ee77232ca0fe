package org.onemind.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.tracing.TraceContext;

import java.util.function.Consumer;

/**
 * The one way consumers take an event: read it as a CloudEvent, continue its trace, and apply it
 * only on its first delivery, all inside the consumer's transaction. A record that is not a valid
 * event throws, and the channel's dead-letter strategy moves it aside.
 */
@ApplicationScoped
public class IncomingEvents {
    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents processed;

    /** @return true when the handler ran, false for a repeated delivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(String consumer, ConsumerRecord<String, String> record, Consumer<CloudEvent> handler) {
        CloudEvent event = CloudEvent.from(record, json);
        TraceContext.continueOrStart(event.traceparent());
        try {
            if (!processed.firstDelivery(consumer, event.id())) {
                LOG.debugf("%s already applied event %s (%s); ignoring the repeat", consumer, event.id(), event.type());
                return false;
            }
            handler.accept(event);
            return true;
        } finally {
            TraceContext.clear();
        }
    }
}
