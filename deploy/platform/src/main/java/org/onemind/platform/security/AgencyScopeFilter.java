package org.onemind.platform.security;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.onemind.platform.inbox.IncomingEvents;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.tracing.EventSpans;

/**
 * Tenant isolation in one place: every {@code /api/v1/agencies/{agencyId}/...} request of a signed-in
 * caller is checked against the caller's agency (or partnerships) after the role check and before
 * the body is read, so another agency's data answers 404 whatever the request carries, and a
 * malformed agency id answers 404 too. Resources under that path need no check of their own; an
 * operation that names its agency elsewhere (in the body) calls {@link Caller#requireAgency(UUID)}.
 */
public class AgencyScopeFilter {
    private static final String AGENCIES = "/api/v1/agencies/";

    @Inject
    Caller caller;

    @Inject
    Instance<Partnerships> partnerships;

    @ServerRequestFilter
    public void requireCallersAgency(UriInfo uri) {
        if (!uri.getPath().startsWith(AGENCIES) || caller.isAnonymous()) {
            return;
        }
        // Every agency-scoped path names its agency {agencyId}.
        String raw = uri.getPathParameters().getFirst("agencyId");
        if (raw == null) {
            return;
        }
        UUID agencyId;
        try {
            agencyId = UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("agency", raw);
        }
        caller.requireAgency(
                agencyId,
                organization ->
                        partnerships.isResolvable() && partnerships.get().active(agencyId, organization));
        // The request's log lines and its span name the agency (the request's context, dropped with it).
        MDC.put(IncomingEvents.AGENCY_ID, raw);
        Span.current().setAttribute(EventSpans.AGENCY_ID, raw);
    }
}
