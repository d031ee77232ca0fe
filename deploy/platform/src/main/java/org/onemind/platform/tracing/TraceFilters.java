package org.onemind.platform.tracing;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers with the {@code traceparent} of the request's server span (OpenTelemetry continues the
 * caller's, or starts a trace), so a client can quote it when it reports a problem.
 */
public class TraceFilters {

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response) {
        String traceparent = Traces.currentTraceparent();
        if (traceparent != null) {
            response.getHeaders().putSingle(Traces.TRACEPARENT, traceparent);
        }
    }
}
