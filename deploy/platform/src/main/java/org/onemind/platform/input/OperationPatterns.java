package org.onemind.platform.input;

import java.util.regex.Pattern;

/** {@code METHOD /path} patterns of configuration: {@code *} is one path segment, {@code **} the rest of the path. */
public final class OperationPatterns {
    public static Pattern compile(String operation) {
        StringBuilder regex = new StringBuilder();
        String text = operation.strip();
        int at = 0;
        while (at < text.length()) {
            if (text.startsWith("**", at)) {
                regex.append(".*");
                at += 2;
            } else if (text.charAt(at) == '*') {
                regex.append("[^/]+");
                at++;
            } else {
                int next = text.indexOf('*', at);
                String literal = next < 0 ? text.substring(at) : text.substring(at, next);
                regex.append(Pattern.quote(literal));
                at += literal.length();
            }
        }
        return Pattern.compile(regex.toString());
    }

    private OperationPatterns() {}
}
