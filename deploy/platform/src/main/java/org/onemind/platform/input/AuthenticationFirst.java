package org.onemind.platform.input;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.onemind.platform.problem.ApiException;

/**
 * An anonymous call to an operation that is not public is a 401 before the REST layer matches
 * media types or reads the body: a caller without a token learns nothing about what the
 * operation would take (a 415 or 400 would tell). A token whose access was revoked (a removed
 * member, a revoked partner client) is a 401 too, from the moment this service knows of it.
 */
public class AuthenticationFirst {

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpEdge edge;

    @Inject
    org.onemind.platform.security.AccessRevocations revocations;

    @ServerRequestFilter(preMatching = true)
    public void refuseAnonymous(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (!path.startsWith("/api/")) {
            return;
        }
        if (!identity.isAnonymous()
                && identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken token
                && revocations.isRevoked(token)) {
            // A removed member or a revoked partner client: refused now, not when the token expires.
            throw ApiException.unauthorized("this token's access was revoked; sign in again");
        }
        if (identity.isAnonymous() && !edge.isPublic(request.getMethod(), path)) {
            throw ApiException.unauthorized("a valid bearer token is required");
        }
    }
}
