package org.onemind.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.onemind.platform.problem.Problem;

/**
 * The fields refused while one request body is read, collected instead of stopping at the first,
 * so that a form can show every error at once. Only the request reader collects; anywhere else a
 * refused field fails the read as Jackson normally does.
 */
final class JsonViolations {
    private static final ThreadLocal<List<Problem.Violation>> CURRENT = new ThreadLocal<>();

    static void begin() {
        CURRENT.set(new ArrayList<>());
    }

    static List<Problem.Violation> end() {
        List<Problem.Violation> found = CURRENT.get();
        CURRENT.remove();
        return found == null ? List.of() : found;
    }

    /** Records a refused field; false when nobody collects (the caller then fails the read). */
    static boolean record(JsonParser parser, String message) {
        List<Problem.Violation> found = CURRENT.get();
        if (found == null) {
            return false;
        }
        String field = pathOf(parser);
        if (found.stream().noneMatch(v -> v.field().equals(field))) {
            found.add(new Problem.Violation(field.isEmpty() ? "body" : field, message));
        }
        return true;
    }

    /** {@code contacts[0].email}: the field the parser is at, as the client wrote it. */
    static String pathOf(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context != null) {
            context = context.getParent();
        }
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                segments.push(c.getCurrentName());
            } else if (c.inArray()) {
                segments.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!path.isEmpty() && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }

    private JsonViolations() {}
}
