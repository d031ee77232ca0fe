package org.onemind.platform.tracing;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.jboss.logging.MDC;

/**
 * W3C trace context carried from the HTTP request through the outbox and Kafka to consumers and
 * emails. Kept in the logging MDC, so every log line of the unit of work shows it.
 */
public final class TraceContext {
    public static final String MDC_KEY = "traceparent";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {}

    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }

    /** Continues the given trace with a new span id, or starts a new trace when none (or an invalid one) is given. */
    public static String continueOrStart(String incoming) {
        String traceId = isValid(incoming) ? incoming.substring(3, 35) : hex(16);
        String traceparent = "00-" + traceId + "-" + hex(8) + "-01";
        MDC.put(MDC_KEY, traceparent);
        return traceparent;
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }

    static boolean isValid(String traceparent) {
        return traceparent != null
                && traceparent.matches("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")
                && !traceparent.substring(3, 35).equals("0".repeat(32));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
