package org.onemind.platform.input;

import jakarta.ws.rs.BadRequestException;

/** A query, path or header parameter the API does not take, named as the client sent it. */
public class InvalidParameter extends BadRequestException {
    private final String parameter;
    private final String rule;
    private final boolean inPath;

    public InvalidParameter(String parameter, String rule, boolean inPath) {
        super(parameter + " " + rule);
        this.parameter = parameter;
        this.rule = rule;
        this.inPath = inPath;
    }

    public String parameter() {
        return parameter;
    }

    public String rule() {
        return rule;
    }

    /** A malformed id in the path names no resource: it is answered as not found. */
    public boolean inPath() {
        return inPath;
    }
}
