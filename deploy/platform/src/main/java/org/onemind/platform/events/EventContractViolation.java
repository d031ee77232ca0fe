package org.onemind.platform.events;

import java.util.List;

/** An event that would break its published contract; the change that caused it is not saved. */
public class EventContractViolation extends RuntimeException {
    private final String type;
    private final List<String> problems;

    public EventContractViolation(String type, List<String> problems) {
        super(type + " does not match its JSON Schema: " + String.join("; ", problems));
        this.type = type;
        this.problems = List.copyOf(problems);
    }

    public String type() {
        return type;
    }

    public List<String> problems() {
        return problems;
    }
}
