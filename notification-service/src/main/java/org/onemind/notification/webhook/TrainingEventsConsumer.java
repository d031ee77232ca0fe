package org.onemind.notification.webhook;

import static org.onemind.platform.contract.TrainingTopic.CERTIFICATIONS_RECORDED;
import static org.onemind.platform.contract.TrainingTopic.CERTIFICATION_RECORDED;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.platform.inbox.EventConsumer;

/**
 * Certifications, for webhook subscribers only: while no subscription wants certification.recorded,
 * the events are passed over without a transaction (they are the chain's busiest).
 */
@ApplicationScoped
public class TrainingEventsConsumer extends EventConsumer {

    @Inject
    WebhookEvents webhooks;

    public TrainingEventsConsumer() {
        super("training-events");
        on(
                CERTIFICATION_RECORDED,
                recorded -> webhooks.certificationsWanted(),
                event -> webhooks.certificationRecorded(event));
        on(
                CERTIFICATIONS_RECORDED,
                recorded -> webhooks.certificationsWanted(),
                event -> webhooks.certificationsRecorded(event));
    }

    @Incoming("training-events")
    @Blocking
    public void onTrainingEvents(ConsumerRecords<String, String> records) {
        consumeAll(records);
    }
}
