package org.onemind.platform.tracing;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes the caller's {@code traceparent} (or starts a trace) and answers with the one used. */
public class TraceFilters {

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        TraceContext.continueOrStart(request.getHeaderString("traceparent"));
    }

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response) {
        String traceparent = TraceContext.current();
        if (traceparent != null) {
            response.getHeaders().putSingle("traceparent", traceparent);
        }
    }
}
