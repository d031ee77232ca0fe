package org.onemind.platform.outbox;

/**
 * A check of every event a service writes to its outbox, given its type and JSON body. Production
 * has none; the producers' tests provide one that validates the body against the event type's JSON
 * Schema, so every test that causes an event also checks the published contract.
 */
public interface OutgoingEventCheck {
    void check(String type, String json);
}
