package org.onemind.notification.recipient;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.onemind.platform.events.CloudEvent;
import org.onemind.platform.events.UnprocessableEventException;
import org.onemind.platform.inbox.IncomingEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Keeps each agency's contacts from agency.events. */
@ApplicationScoped
public class AgencyEventsConsumer {
    static final String CONSUMER = "notification-service/agency-events";

    @Inject
    IncomingEvents incoming;

    @Inject
    RecipientDirectory directory;

    @Incoming("agency-events")
    @Blocking
    @Transactional
    public void onAgencyEvent(ConsumerRecord<String, String> record) {
        incoming.apply(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        if (!event.type().equals("onemind.agency.agency-registered.v1")
                && !event.type().equals("onemind.agency.agency-updated.v1")) {
            return;
        }
        JsonNode contacts = event.data().get("contacts");
        if (contacts == null || !contacts.isArray()) {
            throw new UnprocessableEventException("event " + event.id() + " lacks contacts[]");
        }
        List<RecipientDirectory.Recipient> recipients = new ArrayList<>();
        for (JsonNode contact : contacts) {
            JsonNode id = contact.get("contactId");
            JsonNode email = contact.get("email");
            if (id == null || email == null || email.asText().isBlank()) {
                throw new UnprocessableEventException("event " + event.id() + " has a contact without contactId or email");
            }
            JsonNode name = contact.get("name");
            JsonNode role = contact.get("role");
            recipients.add(new RecipientDirectory.Recipient(UUID.fromString(id.asText()),
                    name == null ? email.asText() : name.asText(), email.asText(),
                    role == null || role.isNull() ? null : role.asText()));
        }
        directory.agency(event.uuid("agencyId"), event.text("name"), recipients);
    }
}
