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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become {@code application/problem+json} answers. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        Response answer = problem(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.violations(), e.extensions());
        e.headers().forEach((name, value) -> answer.getHeaders().add(name, value));
        return answer;
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail =
                violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return problem(400, "validation", "Invalid request", detail, uri, violations);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        JsonProcessingException syntax = syntaxErrorIn(e);
        if (syntax != null) {
            return malformedJson(syntax, uri);
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return problem(
                    400,
                    "malformed-body",
                    "Malformed request body",
                    "the body has more content after its JSON document; send exactly one",
                    uri,
                    null);
        }
        java.util.Optional<Problem.Violation> violation = violationOf(e);
        if (violation.isEmpty()) {
            return problem(
                    400,
                    "malformed-body",
                    "Malformed request body",
                    "the body is not the expected JSON object",
                    uri,
                    null);
        }
        Problem.Violation v = violation.get();
        return problem(400, "validation", "Invalid request", v.field() + " " + v.message(), uri, List.of(v));
    }

    // Quarkus maps these subtypes itself (with a body naming Java types): they must be ours.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidDefinition(com.fasterxml.jackson.databind.exc.InvalidDefinitionException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response streamConstraints(com.fasterxml.jackson.core.exc.StreamConstraintsException e, UriInfo uri) {
        return problem(
                400,
                "malformed-body",
                "Malformed request body",
                "the body nests too deeply or holds a value too long for this API",
                uri,
                null);
    }

    /** The JSON syntax error a mapping failure wraps (a body cut off inside a field), if it is one. */
    public static JsonProcessingException syntaxErrorIn(JsonMappingException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json && !(cause instanceof JsonMappingException)) {
                return json;
            }
        }
        return null;
    }

    /** The field a Jackson mapping failure is about and what is wrong with it, in the API's words. */
    public static java.util.Optional<Problem.Violation> violationOf(JsonMappingException e) {
        String field = pathOf(e);
        if (field.isEmpty() || syntaxErrorIn(e) != null) {
            return java.util.Optional.empty();
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException invalid
                && invalid.getOriginalMessage() != null
                && invalid.getOriginalMessage().contains("must ")) {
            // the strict reading's own words for what the value must be
            message = invalid.getOriginalMessage()
                    .substring(invalid.getOriginalMessage().indexOf("must "));
        } else if (e.getCause() instanceof java.time.DateTimeException) {
            message = org.onemind.platform.input.Dates.RULE;
        } else if (target != null) {
            message = org.onemind.platform.input.ValueRules.of(target);
        } else {
            message = "has the wrong type";
        }
        return java.util.Optional.of(new Problem.Violation(field, message));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("^Duplicate field '([^']*)'")
                .matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String field = duplicate.group(1);
            return problem(
                    400,
                    "validation",
                    "Invalid request",
                    field + " is given more than once",
                    uri,
                    List.of(new Problem.Violation(field, "is given more than once")));
        }
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return problem(
                400, "malformed-body", "Malformed request body", "the body is not valid JSON" + where, uri, null);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return problem(
                412,
                "precondition-failed",
                "Precondition failed",
                "the resource was changed by someone else; read it again and retry",
                uri,
                null);
    }

    @ServerExceptionMapper
    public Response uniqueConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        // A unique index caught a concurrent duplicate that the service's own check could not see.
        return problem(
                409,
                "conflict",
                "Conflict",
                "this conflicts with data recorded at the same time; read and retry",
                uri,
                null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return apiException(ApiException.unauthorized("a valid bearer token is required"), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (identityProviderUnreachable(e)) {
            return identityProviderUnavailable(uri);
        }
        return problem(401, "unauthorized", "Unauthorized", "a valid bearer token is required", uri, null);
    }

    /** The tenant could not be initialized: the identity provider is away, not the caller at fault. */
    @ServerExceptionMapper
    public Response identityProviderDown(io.quarkus.oidc.OIDCException e, UriInfo uri) {
        LOG.warnf("identity provider unavailable: %s", e.getMessage());
        return identityProviderUnavailable(uri);
    }

    private static Response identityProviderUnavailable(UriInfo uri) {
        return problem(
                503,
                "identity-provider-unavailable",
                "Service unavailable",
                "the identity provider cannot be reached; try again shortly",
                uri,
                null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "your role does not allow this operation", uri, null);
    }

    @ServerExceptionMapper
    public Response invalidParameter(org.onemind.platform.input.InvalidParameter e, UriInfo uri) {
        if (e.inPath()) {
            return problem(
                    404,
                    "not-found",
                    "Not found",
                    "there is no such resource: " + e.parameter() + " " + e.rule(),
                    uri,
                    null);
        }
        Problem.Violation violation = new Problem.Violation(e.parameter(), e.rule());
        return problem(400, "validation", "Invalid request", e.parameter() + " " + e.rule(), uri, List.of(violation));
    }

    /**
     * Refusals of the REST layer itself (no resource for the path or method, no representation the
     * client accepts, a body type the operation does not take), in the API's words: their own
     * messages name the implementation.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        return switch (status) {
            case 404 -> problem(404, "not-found", "Not found", "there is no such resource", uri, null);
            case 405 ->
                problem(
                        405,
                        "method-not-allowed",
                        "Method not allowed",
                        "this resource does not answer that method",
                        uri,
                        null);
            case 406 ->
                problem(
                        406,
                        "not-acceptable",
                        "Not acceptable",
                        "this operation answers application/json (errors as application/problem+json); the Accept header"
                                + " allows neither",
                        uri,
                        null);
            case 415 ->
                problem(
                        415,
                        "unsupported-media-type",
                        "Unsupported media type",
                        "this operation does not take a body of that Content-Type; see the operation's request body"
                                + " in the API document",
                        uri,
                        null);
            case 400 ->
                problem(400, "bad-request", "Bad request", "the request is not valid for this operation", uri, null);
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                String title = known == null ? "Error" : known.getReasonPhrase();
                yield problem(status, slug(title), title, title, uri, null);
            }
        };
    }

    /** Our own defect, not the caller's: the change would have published an event its consumers refuse. */
    @ServerExceptionMapper
    public Response eventContract(org.onemind.platform.events.EventContractViolation e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf("refused to publish an event that breaks its contract, incident %s: %s", incident, e.getMessage());
        return problem(
                500,
                "event-contract-violation",
                "Change not saved",
                "nothing was changed: the change would have published a " + e.type() + " event that breaks its"
                        + " published contract; quote incident " + incident + " when reporting it",
                uri,
                null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return problem(
                500,
                "internal",
                "Internal error",
                "the request could not be completed; quote incident " + incident + " when reporting it",
                uri,
                null);
    }

    /** A token could not be checked because the identity provider did not answer (not a bad token). */
    private static boolean identityProviderUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException
                    || t instanceof java.net.UnknownHostException
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || String.valueOf(t.getMessage()).contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }

    static Response problem(
            int status, String slug, String title, String detail, UriInfo uri, List<Problem.Violation> violations) {
        return problem(status, slug, title, detail, uri, violations, null);
    }

    static Response problem(
            int status,
            String slug,
            String title,
            String detail,
            UriInfo uri,
            List<Problem.Violation> violations,
            java.util.Map<String, Object> extensions) {
        String instance = uri == null ? null : uri.getPath();
        Problem body = new Problem(Problem.TYPE_BASE + slug, title, status, detail, instance, violations, extensions);
        Response.ResponseBuilder answer =
                Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
        if (status == 413) {
            // The rest of a body too large is not read: the connection ends with this answer.
            answer.header("Connection", "close");
        }
        return answer.build();
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
    public static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
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
