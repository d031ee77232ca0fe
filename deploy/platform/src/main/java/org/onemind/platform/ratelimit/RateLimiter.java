package org.onemind.platform.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.onemind.platform.problem.ApiException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts each request against the policies that name its operation and answers 429 (with
 * {@code Retry-After}) above a limit; every answer of a limited operation carries
 * {@code RateLimit-Policy} and {@code RateLimit} (IETF draft-ietf-httpapi-ratelimit-headers).
 * A count is one upsert on a fixed window row, so replicas share it. If the database cannot
 * count, the request passes: a limiter outage must not become an API outage.
 */
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final Pattern AGENCY_IN_PATH = Pattern.compile("^/api/v1/agencies/([0-9a-fA-F-]{36})(/|$)");
    static final String HEADERS = "onemind.rate-limit.headers";

    record Rule(String name, List<Pattern> operations, String accepting, int limit, long windowSeconds,
                RateLimitConfig.Key key) {
    }

    @Inject
    RateLimitConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest http;

    private List<Rule> rules;

    @PostConstruct
    void compile() {
        List<Rule> compiled = new ArrayList<>();
        config.policies().forEach((name, policy) -> compiled.add(new Rule(name, policy.operations().stream()
                .map(org.onemind.platform.input.OperationPatterns::compile)
                .toList(), policy.accepting().orElse(null), policy.limit(), policy.window().toSeconds(), policy.key())));
        rules = List.copyOf(compiled);
    }

    // After matching: on the worker thread of the (blocking) operation, since counting is a database write.
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
            Long count = increment(rule.name() + ":" + subject, Instant.ofEpochSecond(windowStart));
            policyHeaders.add("\"" + rule.name() + "\";q=" + rule.limit() + ";w=" + rule.windowSeconds());
            long remaining = count == null ? rule.limit() : Math.max(0, rule.limit() - count);
            stateHeaders.add("\"" + rule.name() + "\";r=" + remaining + ";t=" + reset);
            if (count != null && count > rule.limit()) {
                throw new ApiException(429, "rate-limited", "Too many requests", "more than " + rule.limit()
                        + " requests in " + rule.windowSeconds() + " s for this operation (" + rule.name()
                        + " limit); retry after " + reset + " s", null)
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
            case CALLER -> identity.isAnonymous() ? "ip:" + address() : "sub:" + identity.getPrincipal().getName();
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

    /** The window's count after this request, or null when the database cannot count now. */
    private Long increment(String key, Instant windowStart) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("insert into rate_limit_window (limit_key, window_start, count)"
                     + " values (?, ?, 1) on conflict (limit_key, window_start) do update set count = rate_limit_window.count + 1"
                     + " returning count")) {
            upsert.setString(1, key.length() > 300 ? key.substring(0, 300) : key);
            upsert.setTimestamp(2, Timestamp.from(windowStart));
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            LOG.warnf("rate limits not counted (the request passes): %s", e.getMessage());
            return null;
        }
    }
}
