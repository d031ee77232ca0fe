package org.onemind.platform.contract;

/**
 * One type of event: the topic it is published on, its CloudEvents {@code ce_type} and the record
 * its data is. Producers publish and consumers register handlers with these constants, so the
 * compiler holds both sides to the same payload; the JSON Schema of each type
 * ({@code events/<name>.schema.json}, beside these classes) is what crosses the wire.
 */
public record EventType<T extends Record>(String topic, String name, Class<T> payload) {

    @Override
    public String toString() {
        return name;
    }
}
