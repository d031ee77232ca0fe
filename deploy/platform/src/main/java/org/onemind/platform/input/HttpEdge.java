package org.onemind.platform.input;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The requests refused before any resource runs, answered as problems like every other refusal:
 * a URL too long or with broken percent-encoding, a body larger than the server takes, an
 * Accept or Content-Type header that is not a media type, and a missing or bad token on an
 * operation the HTTP security policy protects (so authentication comes before content
 * negotiation and body parsing). Without this, the HTTP server answers these with an empty body.
 * The JVM runs with {@code -Dvertx.disableURIValidation=true} (pom, image, launcher): otherwise
 * Quarkus' root handler answers a URI {@code java.net.URI} cannot parse with an empty 400 before any
 * route runs; {@link #refuseMalformed} checks the URI instead.
 */
@ApplicationScoped
public class HttpEdge {
    /** Longest URL (path and query) we answer; the HTTP decoder accepts more so that we can say why. */
    public static final int MAX_URL_LENGTH = 8 * 1024;

    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final String BAD_ESCAPE_DETAIL =
            "the URL has a % that is not followed by two hexadecimal digits; percent-encode every reserved character";
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_RANGE = Pattern.compile("\\s*(\\*|" + TOKEN + ")/(\\*|" + TOKEN + ")"
            + "(\\s*;\\s*" + TOKEN + "\\s*=\\s*(" + TOKEN + "|\"[^\"\\\\]*\"))*\\s*");

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    /** {@code METHOD /path} of the operations anyone may call; {@code *} is one path segment, {@code **} the rest. */
    @ConfigProperty(name = "onemind.http.public-operations", defaultValue = "none")
    List<String> publicOperations;

    private volatile List<Pattern> publicPatterns = List.of();

    @jakarta.annotation.PostConstruct
    void compilePublicOperations() {
        publicPatterns = publicOperations.stream()
                .filter(op -> !op.equals("none"))
                .map(OperationPatterns::compile)
                .toList();
    }

    void install(@Observes Router router) {
        // First of all routes: before the body handler and the upload limit, which answers 413 without a body.
        router.route().order(Integer.MIN_VALUE).handler(this::refuseMalformed);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        for (int status : new int[] {400, 404, 405, 413, 414, 431}) {
            router.errorHandler(status, context -> {
                if (!context.response().ended() && !context.response().headWritten()) {
                    answer(context, status, reason(status), defaultDetail(status));
                }
            });
        }
    }

    private void refuseMalformed(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        if (uri.length() > MAX_URL_LENGTH) {
            answer(
                    context,
                    414,
                    "URI too long",
                    "the URL is longer than " + MAX_URL_LENGTH
                            + " characters; send long filters in fewer, shorter parameters");
            return;
        }
        if (!printableAscii(uri)) {
            answer(context, 400, "Bad request", "the URL holds characters that must be percent-encoded");
            return;
        }
        if (BAD_ESCAPE.matcher(uri).find()) {
            answer(context, 400, "Bad request", BAD_ESCAPE_DETAIL);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                answer(context, 400, "Bad request", "the Content-Length header is not a number");
                return;
            }
            if (declared > maxBodySize.asLongValue()) {
                // The body is not read: the connection cannot carry another request after this answer.
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                context.response().endHandler(ended -> request.connection().close());
                answer(
                        context,
                        413,
                        "Request body too large",
                        "the body is larger than " + maxBodySize.asLongValue() / (1024 * 1024)
                                + " MB, the most this service accepts");
                return;
            }
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !accept.isBlank() && !mediaRanges(accept)) {
            answer(
                    context,
                    400,
                    "Bad request",
                    "the Accept header is not a list of media types"
                            + " (like application/json or application/problem+json)");
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null
                && !contentType.isBlank()
                && !MEDIA_RANGE.matcher(contentType).matches()) {
            answer(context, 400, "Bad request", "the Content-Type header is not a media type (like application/json)");
            return;
        }
        context.next();
    }

    /** Whether anyone may call {@code METHOD /path}, by {@code onemind.http.public-operations}. */
    boolean isPublic(String method, String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String operation = (method.equals("HEAD") ? "GET" : method) + " " + normalized;
        return publicPatterns.stream().anyMatch(p -> p.matcher(operation).matches());
    }

    private static boolean printableAscii(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean mediaRanges(String header) {
        for (String range : header.split(",", -1)) {
            if (!range.isBlank() && !MEDIA_RANGE.matcher(range).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A refusal before any resource ran: the HTTP security policy, or the router itself (a path it
     * cannot decode).
     */
    private void failure(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        if (failure instanceof UnauthorizedException
                || failure instanceof AuthenticationFailedException
                || failure instanceof AuthenticationCompletionException
                || failure instanceof AuthenticationRedirectException) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            answer(context, 401, "Unauthorized", "a valid bearer token is required");
        } else if (failure instanceof ForbiddenException) {
            answer(context, 403, "Forbidden", "your role does not allow this operation");
        } else if (context.statusCode() == 400
                && BAD_ESCAPE.matcher(context.request().uri()).find()) {
            answer(context, 400, "Bad request", BAD_ESCAPE_DETAIL);
        } else if (context.statusCode() >= 400 && context.statusCode() < 500) {
            answer(context, context.statusCode(), reason(context.statusCode()), defaultDetail(context.statusCode()));
        } else {
            context.next();
        }
    }

    static void answer(RoutingContext context, int status, String title, String detail) {
        JsonObject problem = new JsonObject()
                .put(
                        "type",
                        org.onemind.platform.problem.Problem.TYPE_BASE
                                + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"))
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        String path = context.request().path();
        if (path != null
                && path.length() <= MAX_URL_LENGTH
                && !BAD_ESCAPE.matcher(path).find()) {
            problem.put("instance", path);
        }
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, org.onemind.platform.problem.Problem.MEDIA_TYPE)
                .end(problem.encode());
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            case 414 -> "URI too long";
            case 431 -> "Request headers too large";
            default -> "Error";
        };
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "the request is not valid HTTP for this API";
            case 404 -> "there is no such resource";
            case 405 -> "this resource does not answer that method";
            case 413 -> "the body is larger than this service accepts";
            case 414 -> "the URL is too long";
            case 431 -> "the request headers are too large";
            default -> "the request could not be answered";
        };
    }
}
