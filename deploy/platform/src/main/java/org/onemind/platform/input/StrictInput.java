package org.onemind.platform.input;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Installs the input rules (text, dates, every bad field collected) on the service's mapper. */
public final class StrictInput {
    public static void install(ObjectMapper mapper) {
        mapper.registerModule(StrictDeserializers.module());
        mapper.addHandler(new CollectingProblemHandler());
    }

    private StrictInput() {}
}
