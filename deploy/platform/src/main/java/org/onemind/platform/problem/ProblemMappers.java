package org.onemind.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The one place where exceptions become {@code application/problem+json} answers. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        return problem(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.violations(), e.extensions());
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; "));
        return problem(400, "validation", "Invalid request", detail, uri, violations);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String field = pathOf(e);
        String message;
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(e.getTargetType().getEnumConstants());
        } else if (e.getTargetType() != null && e.getTargetType().getName().startsWith("java.time")) {
            message = "must be a date in the form YYYY-MM-DD";
        } else {
            message = "has an invalid value '" + e.getValue() + "'";
        }
        return problem(400, "validation", "Invalid request", field + " " + message, uri,
                List.of(new Problem.Violation(field, message)));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = pathOf(e);
        return problem(400, "validation", "Invalid request", field + " is not a known field", uri,
                List.of(new Problem.Violation(field, "is not a known field")));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return problem(400, "malformed-body", "Malformed request body",
                    "the body has more content after its JSON document; send exactly one", uri, null);
        }
        if (field.isEmpty()) {
            return problem(400, "malformed-body", "Malformed request body", "the body is not the expected JSON object", uri, null);
        }
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            String message = "must be one of " + Arrays.toString(e.getTargetType().getEnumConstants());
            return problem(400, "validation", "Invalid request", field + " " + message, uri,
                    List.of(new Problem.Violation(field, message)));
        }
        if (e.getTargetType() != null && e.getTargetType().getName().startsWith("java.time")) {
            return problem(400, "validation", "Invalid request", field + " must be a date in the form YYYY-MM-DD", uri,
                    List.of(new Problem.Violation(field, "must be a date in the form YYYY-MM-DD")));
        }
        return problem(400, "validation", "Invalid request", field + " has the wrong type", uri,
                List.of(new Problem.Violation(field, "has the wrong type")));
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        // A value object refusing its input (e.g. a bad date) surfaces here with the field's path.
        Throwable cause = e.getCause();
        if (cause instanceof java.time.format.DateTimeParseException) {
            String field = pathOf(e);
            return problem(400, "validation", "Invalid request", field + " must be a date in the form YYYY-MM-DD", uri,
                    List.of(new Problem.Violation(field, "must be a date in the form YYYY-MM-DD")));
        }
        return problem(400, "malformed-body", "Malformed request body", "the body is not valid JSON for this resource", uri, null);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("^Duplicate field '([^']*)'")
                .matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String field = duplicate.group(1);
            return problem(400, "validation", "Invalid request", field + " is given more than once", uri,
                    List.of(new Problem.Violation(field, "is given more than once")));
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")";
        return problem(400, "malformed-body", "Malformed request body", "the body is not valid JSON" + where, uri, null);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return problem(412, "precondition-failed", "Precondition failed",
                "the resource was changed by someone else; read it again and retry", uri, null);
    }

    @ServerExceptionMapper
    public Response uniqueConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        // A unique index caught a concurrent duplicate that the service's own check could not see.
        return problem(409, "conflict", "Conflict", "this conflicts with data recorded at the same time; read and retry",
                uri, null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return problem(401, "unauthorized", "Unauthorized", "a valid bearer token is required", uri, null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (identityProviderUnreachable(e)) {
            return problem(503, "identity-provider-unavailable", "Service unavailable",
                    "the identity provider cannot be reached; try again shortly", uri, null);
        }
        return problem(401, "unauthorized", "Unauthorized", "a valid bearer token is required", uri, null);
    }

    /** The tenant could not be initialized: the identity provider is away, not the caller at fault. */
    @ServerExceptionMapper
    public Response identityProviderDown(io.quarkus.oidc.OIDCException e, UriInfo uri) {
        LOG.warnf("identity provider unavailable: %s", e.getMessage());
        return problem(503, "identity-provider-unavailable", "Service unavailable",
                "the identity provider cannot be reached; try again shortly", uri, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "your role does not allow this operation", uri, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        return problem(status, slug(title), title, detail, uri, null);
    }

    /** Our own defect, not the caller's: the change would have published an event its consumers refuse. */
    @ServerExceptionMapper
    public Response eventContract(org.onemind.platform.events.EventContractViolation e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf("refused to publish an event that breaks its contract, incident %s: %s", incident, e.getMessage());
        return problem(500, "event-contract-violation", "Change not saved",
                "nothing was changed: the change would have published a " + e.type() + " event that breaks its"
                        + " published contract; quote incident " + incident + " when reporting it", uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return problem(500, "internal", "Internal error",
                "the request could not be completed; quote incident " + incident + " when reporting it", uri, null);
    }

    /** A token could not be checked because the identity provider did not answer (not a bad token). */
    private static boolean identityProviderUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || String.valueOf(t.getMessage()).contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }

    static Response problem(int status, String slug, String title, String detail, UriInfo uri,
                            List<Problem.Violation> violations) {
        return problem(status, slug, title, detail, uri, violations, null);
    }

    static Response problem(int status, String slug, String title, String detail, UriInfo uri,
                            List<Problem.Violation> violations, java.util.Map<String, Object> extensions) {
        String instance = uri == null ? null : uri.getPath();
        Problem body = new Problem(Problem.TYPE_BASE + slug, title, status, detail, instance, violations, extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code register.request.contacts[0].email} becomes {@code contacts[0].email}: the name the client sent. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable() && node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    } else if (node.isInIterable() && node.getKey() != null) {
                        field.append('[').append(node.getKey()).append(']');
                    }
                    if (node.getName() != null) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null || parameter.equals("request") ? "body" : parameter;
    }
}
