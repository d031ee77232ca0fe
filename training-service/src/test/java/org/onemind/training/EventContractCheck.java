package org.onemind.training;

import jakarta.enterprise.context.ApplicationScoped;
import org.onemind.infra.EventSchemas;
import org.onemind.platform.outbox.OutgoingEventCheck;

/** In tests, every event this service writes to its outbox must match its JSON Schema (or the write fails). */
@ApplicationScoped
public class EventContractCheck implements OutgoingEventCheck {
    @Override
    public void check(String type, String json) {
        EventSchemas.check(type, json);
    }
}
