package org.onemind.infra;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenant isolation, checked over every operation a service publishes in its OpenAPI document.
 * A rules file gives each operation ({@code METHOD /path}) an {@link Access}; an operation without
 * a rule, or a rule for an operation that no longer exists, fails the check, so a new endpoint
 * cannot ship without deciding who may call it. Every operation is called by each {@link Caller}
 * on agency A's resources, and the status must be exactly the one its access implies: 401, 403 or
 * 404 for refusals; for callers who are let in, anything but 401/403/404 and never a 5xx.
 * Malformed ids in the path answer 400 or 404.
 */
public final class AccessMatrix {

    /** Who may call an operation. */
    public enum Access {
        /** anyone, signed in or not */
        PUBLIC,
        /** campaign staff only */
        ADMIN,
        /** campaign staff and any agency manager (the operation scopes results to the manager's agency) */
        STAFF,
        /** campaign staff and managers of the agency in the path */
        AGENCY,
        /** campaign staff, managers of the agency in the path, and partners with an active partnership */
        AGENCY_OR_PARTNER,
        /** every signed-in caller (the operation scopes what it shows or makes to the caller's side) */
        SIGNED_IN,
        /** campaign staff and agency A's managers, whose resource the path names; anyone else signed in: 404 */
        OWNED_BY_A
    }

    /** The callers of the matrix; A is the agency whose resources are requested. */
    public enum Caller {
        ANONYMOUS,
        CAMPAIGN_ADMIN,
        MANAGER_OF_A,
        MANAGER_OF_B,
        PARTNER_OF_A,
        PARTNER_OF_NOBODY
    }

    /** An expected status; {@code LET_IN} means "not refused": neither 401, 403 nor 404, and below 500. */
    public static final int LET_IN = 0;

    public record Operation(String method, String path, String requestContentType) {
        public String key() {
            return method + " " + path;
        }
    }

    public record Outcome(Operation operation, Caller caller, int expected, int actual) {
        boolean matches() {
            if (expected == LET_IN) {
                return actual != 401 && actual != 403 && actual != 404 && actual < 500;
            }
            return actual == expected;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-7s %-70s %-18s expected %-7s got %d",
                    operation.method(),
                    operation.path(),
                    caller,
                    expected == LET_IN ? "let in" : String.valueOf(expected),
                    actual);
        }
    }

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final String baseUri;
    private final Map<String, Access> rules;
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private BiFunction<Operation, String, String> pathValues = (operation, name) -> {
        throw new IllegalStateException("no value for path parameter {" + name + "} of " + operation.key());
    };

    private AccessMatrix(String baseUri, Map<String, Access> rules) {
        this.baseUri = baseUri;
        this.rules = rules;
    }

    /** @param rulesResource a classpath resource of lines {@code METHOD /path ACCESS} ({@code #} comments) */
    public static AccessMatrix of(String baseUri, String rulesResource) {
        return new AccessMatrix(baseUri, rulesOf(rulesResource));
    }

    /** The rules of a classpath resource, by {@code METHOD /path}. */
    public static Map<String, Access> rulesOf(String rulesResource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(rulesResource)) {
            if (in == null) {
                throw new IllegalStateException("no rules at " + rulesResource);
            }
            return parseRules(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AccessMatrix of(String baseUri, InputStream rules) {
        return new AccessMatrix(baseUri, parseRules(rules));
    }

    public AccessMatrix token(Caller caller, String token) {
        tokens.put(caller, token);
        return this;
    }

    /**
     * The five signed-in callers with {@link TestTokens}: managers of A and of B, a partner of A
     * (whose organization the service must know to be partnered with A), and a partner of nobody.
     */
    public AccessMatrix withTestTokens(java.util.UUID agencyA, java.util.UUID agencyB, java.util.UUID partnerOfA) {
        return token(Caller.CAMPAIGN_ADMIN, TestTokens.campaignAdmin())
                .token(Caller.MANAGER_OF_A, TestTokens.manager(agencyA))
                .token(Caller.MANAGER_OF_B, TestTokens.manager(agencyB))
                .token(Caller.PARTNER_OF_A, TestTokens.partner(partnerOfA))
                .token(Caller.PARTNER_OF_NOBODY, TestTokens.partner(java.util.UUID.randomUUID()));
    }

    /**
     * The value of a path parameter of an operation, on agency A's side (A itself for the agency's
     * id); asked again for every request, so an operation that removes what it names can get a fresh one.
     */
    public AccessMatrix pathValues(BiFunction<Operation, String, String> values) {
        this.pathValues = values;
        return this;
    }

    public static int expected(Access access, Caller caller) {
        if (access == Access.PUBLIC) {
            return LET_IN;
        }
        if (access == Access.SIGNED_IN) {
            return caller == Caller.ANONYMOUS ? 401 : LET_IN;
        }
        if (access == Access.OWNED_BY_A) {
            return switch (caller) {
                case ANONYMOUS -> 401;
                case CAMPAIGN_ADMIN, MANAGER_OF_A -> LET_IN;
                default -> 404;
            };
        }
        return switch (caller) {
            case ANONYMOUS -> 401;
            case CAMPAIGN_ADMIN -> LET_IN;
            case MANAGER_OF_A -> access == Access.ADMIN ? 403 : LET_IN;
            case MANAGER_OF_B ->
                switch (access) {
                    case ADMIN -> 403;
                    case STAFF -> LET_IN;
                    default -> 404;
                };
            case PARTNER_OF_A -> access == Access.AGENCY_OR_PARTNER ? LET_IN : 403;
            case PARTNER_OF_NOBODY -> access == Access.AGENCY_OR_PARTNER ? 404 : 403;
            default -> throw new IllegalStateException();
        };
    }

    /** The operations of the service's OpenAPI document. */
    public List<Operation> operations() {
        String document = RestAssured.given()
                .baseUri(baseUri)
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonPath json = JsonPath.from(document);
        Map<String, Map<String, Object>> paths = json.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, definition) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            String contentType = null;
            if (definition instanceof Map<?, ?> op
                    && op.get("requestBody") instanceof Map<?, ?> body
                    && body.get("content") instanceof Map<?, ?> content
                    && !content.isEmpty()) {
                contentType = content.containsKey("application/json")
                        ? "application/json"
                        : content.keySet().iterator().next().toString();
            }
            operations.add(new Operation(method.toUpperCase(), path, contentType));
        }));
        return operations;
    }

    /** Calls every operation as every caller given a token (and anonymously) and fails on any mismatch. */
    public List<Outcome> verify() {
        List<Operation> operations = operations();
        List<String> problems = new ArrayList<>();
        Set<String> published = new TreeSet<>();
        for (Operation operation : operations) {
            published.add(operation.key());
            if (!rules.containsKey(operation.key())) {
                problems.add("no access rule for " + operation.key() + " (add it to the rules file)");
            }
        }
        rules.keySet().stream()
                .filter(key -> !published.contains(key))
                .forEach(key -> problems.add("rule for an operation the service does not publish: " + key));

        List<Outcome> outcomes = new ArrayList<>();
        List<Caller> callers = new ArrayList<>(List.of(Caller.values()));
        // Refused callers first; let-in callers last, as they may change what they reach.
        callers.sort(java.util.Comparator.comparingInt(c -> switch (c) {
            case ANONYMOUS -> 0;
            case MANAGER_OF_B -> 1;
            case PARTNER_OF_NOBODY -> 2;
            case PARTNER_OF_A -> 3;
            case MANAGER_OF_A -> 4;
            case CAMPAIGN_ADMIN -> 5;
        }));
        for (Operation operation : operations) {
            Access access = rules.get(operation.key());
            if (access == null) {
                continue;
            }
            for (Caller caller : callers) {
                if (caller != Caller.ANONYMOUS && !tokens.containsKey(caller)) {
                    continue;
                }
                int actual = call(operation, tokens.get(caller), IdValues.GIVEN);
                outcomes.add(new Outcome(operation, caller, expected(access, caller), actual));
            }
            if (PATH_PARAMETER.matcher(operation.path()).find() && tokens.containsKey(Caller.CAMPAIGN_ADMIN)) {
                int malformed = call(operation, tokens.get(Caller.CAMPAIGN_ADMIN), IdValues.MALFORMED);
                if (malformed != 400 && malformed != 404) {
                    problems.add(operation.key() + " with malformed ids answered " + malformed + ", not 400/404");
                }
            }
        }
        outcomes.stream().filter(o -> !o.matches()).forEach(o -> problems.add(o.toString()));
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " access problems:\n  " + String.join("\n  ", problems));
        }
        return outcomes;
    }

    /**
     * Every operation that is not public, called with each of these tokens (expired, for another
     * audience, tampered...), must answer 401.
     */
    public void verifyRefused(Map<String, String> badTokens) {
        List<String> problems = new ArrayList<>();
        for (Operation operation : operations()) {
            if (rules.get(operation.key()) == Access.PUBLIC) {
                continue;
            }
            badTokens.forEach((name, token) -> {
                int actual = call(operation, token, IdValues.RANDOM);
                if (actual != 401) {
                    problems.add(operation.key() + " with " + name + " answered " + actual + ", not 401");
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " tokens not refused:\n  " + String.join("\n  ", problems));
        }
    }

    /** The tokens of {@link TestTokens} that every service must refuse. */
    public static Map<String, String> badTestTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("an expired token", TestTokens.expired("campaign-admin"));
        tokens.put("a token for another audience", TestTokens.forAudience("campaign-admin", "account"));
        tokens.put(
                "a token from another issuer",
                TestTokens.fromIssuer("campaign-admin", "https://elsewhere.invalid/realms/one-mind"));
        tokens.put("a tampered signature", TestTokens.tamperedSignature());
        tokens.put("a tampered payload", TestTokens.tamperedPayload());
        tokens.put("alg none", TestTokens.noneAlgorithm());
        tokens.put("garbage", "not-a-token");
        return tokens;
    }

    private enum IdValues {
        GIVEN,
        RANDOM,
        MALFORMED
    }

    private int call(Operation operation, String token, IdValues ids) {
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = switch (ids) {
                case GIVEN -> pathValues.apply(operation, matcher.group(1));
                case RANDOM -> java.util.UUID.randomUUID().toString();
                case MALFORMED -> "not-a-uuid";
            };
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        RequestSpecification request =
                RestAssured.given().baseUri(baseUri).urlEncodingEnabled(false).header("Accept", "*/*");
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (operation.requestContentType() != null) {
            String body = operation.requestContentType().contains("json") ? "{}" : "";
            request = request.contentType(operation.requestContentType()).body(body);
        }
        return request.request(operation.method(), path.toString()).statusCode();
    }

    private static Map<String, Access> parseRules(InputStream in) {
        Map<String, Access> rules = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\s+");
                if (fields.length != 3) {
                    throw new IllegalArgumentException("a rule is METHOD /path ACCESS: " + line);
                }
                rules.put(fields[0] + " " + fields[1], Access.valueOf(fields[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }
}
