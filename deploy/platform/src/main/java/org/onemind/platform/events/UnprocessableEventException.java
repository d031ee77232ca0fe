package org.onemind.platform.events;

/** An event that no retry can process; the consumer's failure strategy sends it to the dead-letter topic. */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message) {
        super(message);
    }
}
