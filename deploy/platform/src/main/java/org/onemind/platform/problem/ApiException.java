package org.onemind.platform.problem;

import java.util.List;

/**
 * A refusal the caller can act on. The {@code slug} names the rule that refused (it becomes the
 * problem's {@code type}); the detail says why in words a person understands.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;
    private final java.util.Map<String, Object> extensions = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, Object> headers = new java.util.LinkedHashMap<>();

    public ApiException(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not-found", "Not found", what + " " + id + " does not exist", null);
    }

    public static ApiException conflict(String slug, String detail) {
        return new ApiException(409, slug, "Conflict", detail, null);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(
                400,
                "validation",
                "Invalid request",
                field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /** No token, or one that no longer opens anything; the answer carries the Bearer challenge. */
    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail, null)
                .withHeader("WWW-Authenticate", "Bearer");
    }

    public static ApiException unprocessable(String slug, String detail) {
        return new ApiException(422, slug, "Unprocessable request", detail, null);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "precondition-failed", "Precondition failed", detail, null);
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, "precondition-required", "Precondition required", detail, null);
    }

    /** A dependency (the identity provider, say) cannot do its part now; the caller may retry. */
    public static ApiException unavailable(String slug, String detail) {
        return new ApiException(503, slug, "Service unavailable", detail, null);
    }

    /** Adds an extension member to the problem this exception becomes. */
    public ApiException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** Adds a response header to the problem this exception becomes (Retry-After, WWW-Authenticate...). */
    public ApiException withHeader(String name, Object value) {
        headers.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> headers() {
        return headers;
    }

    public java.util.Map<String, Object> extensions() {
        return extensions;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
