package org.onemind.platform.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.onemind.platform.problem.ApiException;

/**
 * Counts each request against the policies that name its operation and answers 429 (with
 * {@code Retry-After}) above a limit; every answer of a limited operation carries
 * {@code RateLimit-Policy} and {@code RateLimit} (IETF draft-ietf-httpapi-ratelimit-headers).
 * Counts are shared by the replicas through the database ({@link SharedWindowCounts}); if the
 * database cannot count, each replica goes on with its own: a limiter outage must not become an
 * API outage.
 */
public class RateLimiter {
    private static final Pattern AGENCY_IN_PATH = Pattern.compile("^/api/v1/agencies/([0-9a-fA-F-]{36})(/|$)");
    static final String HEADERS = "onemind.rate-limit.headers";

    record Rule(
            String name,
            List<Pattern> operations,
            String accepting,
            int limit,
            long windowSeconds,
            RateLimitConfig.Key key) {}

    @Inject
    RateLimitConfig config;

    @Inject
    SharedWindowCounts counts;

    @Inject
    RateLimitMetrics metrics;

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest http;

    private List<Rule> rules;

    @PostConstruct
    void compile() {
        List<Rule> compiled = new ArrayList<>();
        config.policies()
                .forEach((name, policy) -> compiled.add(new Rule(
                        name,
                        policy.operations().stream()
                                .map(org.onemind.platform.input.OperationPatterns::compile)
                                .toList(),
                        policy.accepting().orElse(null),
                        policy.limit(),
                        policy.window().toSeconds(),
                        policy.key())));
        rules = List.copyOf(compiled);
    }

    // After matching, so that the operation's path is known.
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER - 100)
    public void count(ContainerRequestContext request) {
        if (!config.enabled()) {
            return;
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        String operation = (request.getMethod().equals("HEAD") ? "GET" : request.getMethod()) + " " + path;
        String accept = String.valueOf(request.getHeaderString("Accept"));
        List<String> policyHeaders = new ArrayList<>();
        List<String> stateHeaders = new ArrayList<>();
        Instant now = Instant.now();
        for (Rule rule : rules) {
            if (rule.operations().stream().noneMatch(p -> p.matcher(operation).matches())
                    || rule.accepting() != null && !accept.contains(rule.accepting())) {
                continue;
            }
            String subject = subject(rule.key(), path);
            if (subject == null) {
                continue;
            }
            long windowStart = now.getEpochSecond() / rule.windowSeconds() * rule.windowSeconds();
            long reset = windowStart + rule.windowSeconds() - now.getEpochSecond();
            long count = counts.increment(rule.name() + ":" + subject, windowStart, rule.windowSeconds());
            policyHeaders.add("\"" + rule.name() + "\";q=" + rule.limit() + ";w=" + rule.windowSeconds());
            long remaining = Math.max(0, rule.limit() - count);
            stateHeaders.add("\"" + rule.name() + "\";r=" + remaining + ";t=" + reset);
            if (count > rule.limit()) {
                metrics.refused(rule.name());
                throw new ApiException(
                                429,
                                "rate-limited",
                                "Too many requests",
                                "more than " + rule.limit()
                                        + " requests in " + rule.windowSeconds() + " s for this operation ("
                                        + rule.name()
                                        + " limit); retry after " + reset + " s",
                                null)
                        .withHeader("Retry-After", reset)
                        .withHeader("RateLimit-Policy", String.join(", ", policyHeaders))
                        .withHeader("RateLimit", String.join(", ", stateHeaders));
            }
        }
        if (!policyHeaders.isEmpty()) {
            request.setProperty(HEADERS, List.of(String.join(", ", policyHeaders), String.join(", ", stateHeaders)));
        }
    }

    @ServerResponseFilter
    @SuppressWarnings("unchecked")
    public void describe(ContainerRequestContext request, ContainerResponseContext response) {
        Object headers = request.getProperty(HEADERS);
        if (headers instanceof List<?> values && !response.getHeaders().containsKey("RateLimit")) {
            response.getHeaders().putSingle("RateLimit-Policy", values.get(0));
            response.getHeaders().putSingle("RateLimit", values.get(1));
        }
    }

    private String subject(RateLimitConfig.Key key, String path) {
        return switch (key) {
            case CALLER ->
                identity.isAnonymous()
                        ? "ip:" + address()
                        : "sub:" + identity.getPrincipal().getName();
            case IP -> "ip:" + address();
            case AGENCY -> {
                Matcher agency = AGENCY_IN_PATH.matcher(path);
                yield agency.find() ? "agency:" + agency.group(1).toLowerCase() : null;
            }
        };
    }

    private String address() {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
