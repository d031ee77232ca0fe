package org.onemind.platform.input;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.onemind.platform.problem.Problem;

import java.util.Map;

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
    public Response refuseAnonymous(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (!path.startsWith("/api/")) {
            return null;
        }
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken token
                && revocations.isRevoked(token)) {
            // A removed member or a revoked partner client: refused now, not when the token expires.
            return unauthorized(path, "this token's access was revoked; sign in again");
        }
        if (!identity.isAnonymous() || edge.isPublic(request.getMethod(), path)) {
            return null;
        }
        return unauthorized(path, "a valid bearer token is required");
    }

    private static Response unauthorized(String path, String detail) {
        Problem problem = new Problem("https://onemind.example/problems/unauthorized", "Unauthorized", 401,
                detail, path, null, Map.of());
        return Response.status(401).header("WWW-Authenticate", "Bearer").type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
