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
 * operation would take (a 415 or 400 would tell).
 */
public class AuthenticationFirst {

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpEdge edge;

    @ServerRequestFilter(preMatching = true)
    public Response refuseAnonymous(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (!path.startsWith("/api/") || !identity.isAnonymous() || edge.isPublic(request.getMethod(), path)) {
            return null;
        }
        Problem problem = new Problem("https://onemind.example/problems/unauthorized", "Unauthorized", 401,
                "a valid bearer token is required", path, null, Map.of());
        return Response.status(401).header("WWW-Authenticate", "Bearer").type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
