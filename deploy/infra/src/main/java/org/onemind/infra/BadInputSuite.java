package org.onemind.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hostile client, driven by the service's own OpenAPI document: every operation gets a corpus of
 * malformed input (no token, bad headers, broken URLs, oversized bodies, every parameter and every
 * body field with values of the wrong kind, out of range, with control or invisible characters)
 * and must answer each with a 4xx {@code application/problem+json} that names no Java class or
 * library, names the field at fault, and leaves the service's data exactly as it was. An
 * operation with a body for which the test gives no valid example fails the suite, so a new
 * operation cannot go untested.
 */
public final class BadInputSuite {
    /** What the suite sent and what came back. */
    public record Report(int requests, Map<Integer, Integer> statuses) {
        @Override
        public String toString() {
            return requests + " requests, statuses " + statuses;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** What an error body must never show: the implementation behind the API. */
    private static final Pattern LEAK =
            Pattern.compile("java\\.|jakarta\\.|javax\\.|org\\.(apache|hibernate|jboss|postgresql"
                    + "|eclipse)|com\\.fasterxml|io\\.(quarkus|vertx|smallrye|netty)|[A-Za-z]Exception\\b|@[A-Z][a-z]+[A-Z]?"
                    + "|MessageBody|[Rr]esteasy|[Jj]ackson|\\bat [a-z]+\\.[a-z]+|\\bStackTrace");

    private static final String NUL = "\u0000";

    private final String baseUri;
    private final String service;
    private final RawHttp http;
    private final Map<String, AccessMatrix.Access> rules;
    private final Map<String, String> examples = new LinkedHashMap<>();
    private final Map<String, String> queries = new LinkedHashMap<>();
    private String adminToken;
    private BiFunction<AccessMatrix.Operation, String, String> pathValues;
    private Supplier<String> fingerprint = () -> "";
    private long maxJsonBytes = 1024 * 1024;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int sent;

    private BadInputSuite(String baseUri, String service, Map<String, AccessMatrix.Access> rules) {
        this.baseUri = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
        this.service = service;
        this.http = new RawHttp(baseUri);
        this.rules = rules;
    }

    /** @param rulesResource the service's access rules (which operations are public) */
    public static BadInputSuite of(String baseUri, String service, String rulesResource) {
        return new BadInputSuite(baseUri, service, AccessMatrix.rulesOf(rulesResource));
    }

    public BadInputSuite adminToken(String token) {
        this.adminToken = token;
        return this;
    }

    public BadInputSuite pathValues(BiFunction<AccessMatrix.Operation, String, String> values) {
        this.pathValues = values;
        return this;
    }

    /** A body the operation accepts ({@code METHOD /path} as in the document): the suite spoils it one field at a time. */
    public BadInputSuite example(String operation, String body) {
        examples.put(operation, body);
        return this;
    }

    /** Query parameters an operation needs to be valid ({@code name=value&...}, encoded). */
    public BadInputSuite query(String operation, String query) {
        queries.put(operation, query);
        return this;
    }

    /** The service's data, as a value that changes whenever any of it changes. */
    public BadInputSuite fingerprint(Supplier<String> fingerprint) {
        this.fingerprint = fingerprint;
        return this;
    }

    public BadInputSuite maxJsonBytes(long bytes) {
        this.maxJsonBytes = bytes;
        return this;
    }

    /** Runs the corpus against every operation; fails listing every answer that was not a clean refusal. */
    public Report run() {
        JsonNode document = document();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    attack(document, op.getKey().toUpperCase(), path.getKey(), op.getValue());
                }
            }
        }
        Report report = new Report(sent, statuses);
        System.out.println("BAD-INPUT " + service + ": " + report);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " answers to bad input were not clean refusals:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(80, failures.size()))));
        }
        return report;
    }

    private JsonNode document() {
        RawHttp.Answer answer = http.send("GET", "/q/openapi?format=json", Map.of("Accept", "application/json"), null);
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the corpus

    private void attack(JsonNode document, String method, String pathTemplate, JsonNode operation) {
        String key = method + " " + pathTemplate;
        AccessMatrix.Operation op = new AccessMatrix.Operation(method, pathTemplate, null);
        boolean isPublic = rules.get(key) == AccessMatrix.Access.PUBLIC;
        String bodyType = bodyType(operation);
        String example = examples.get(key);
        if (bodyType != null && example == null) {
            failures.add(key + ": no valid example body given to the suite (example(\"" + key + "\", ...))");
            return;
        }
        String before = quietFingerprint();
        Target target = new Target(key, method, () -> path(op, pathTemplate), bodyType, example, accept(operation));

        // who and how
        if (!isPublic) {
            expect(target.without("Authorization"), "no token", 401);
            expect(target.header("Authorization", "Bearer not-a-token"), "a garbage token", 401);
            if (bodyType != null) {
                expect(
                        target.without("Authorization")
                                .header("Content-Type", "application/xml")
                                .body("<x/>"),
                        "no token and a body of another type (authentication comes first)",
                        401);
            }
        }
        expect(target.header("Accept", "text/html"), "Accept: text/html", 406);
        expect(target.header("Accept", "}{;;"), "a malformed Accept header", 400);
        expect(target.query("pad", "a".repeat(9000)), "a URL over 8 KB", 414);
        expect(target.rawQuery("filter=%zz"), "broken percent-encoding in the query", 400);
        expect(target.rawPathSuffix("%zz"), "broken percent-encoding in the path", 0);
        if (bodyType != null) {
            expect(target.header("Content-Type", "text/plain").body("x"), "Content-Type text/plain", 415);
            expect(target.header("Content-Type", "application/json;;;"), "a malformed Content-Type", 400);
            expect(target.header("Content-Length", "104857600000").body(null), "a declared body of 100 GB", 413);
        }
        if ("application/json".equals(bodyType)) {
            jsonBodies(document, target, schemaOf(document, operation));
        } else if (bodyType != null) {
            csvBodies(target);
        }

        // parameters
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            JsonNode schema = resolve(document, parameter.path("schema"));
            if (in.equals("query")) {
                for (Map.Entry<String, String> bad : badQueryValues(schema).entrySet()) {
                    expectNamed(target.query(name, bad.getValue()), name + "=" + bad.getKey(), 400, name);
                }
            } else if (in.equals("path")) {
                expect(target.pathValue(name, "not-an-id"), name + " not an id", 0);
                expect(target.pathValue(name, "%00"), name + " NUL", 0);
            } else if (in.equals("header") && !name.equalsIgnoreCase("If-Match")) {
                expect(target.header(name, "x".repeat(300)), name + " of 300 characters", 400);
                expect(target.header(name, "\u202Eevil"), name + " with a bidi override", 400);
            }
        }
        String after = quietFingerprint();
        if (!before.equals(after)) {
            failures.add(key + ": bad input changed the service's data");
        }
    }

    private void jsonBodies(JsonNode document, Target target, JsonNode schema) {
        JsonNode example = parse(target.example);
        expect(target.body("{"), "a body that is not JSON", 400);
        expect(target.body("[]"), "a JSON array for an object", 400);
        expect(target.body("null"), "a JSON null", 400);
        expect(target.body("\"text\""), "a JSON string for an object", 400);
        expect(target.body(target.example + " {}"), "two JSON documents", 400);
        expect(target.body(target.example + " garbage"), "trailing garbage", 400);
        expect(target.body("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"), "2,000 nested arrays", 400);
        expect(target.body("{\"pad\": \"" + "a".repeat((int) maxJsonBytes) + "\"}"), "a body over the JSON limit", 413);
        if (example instanceof ObjectNode object && object.size() > 0) {
            String first = object.fieldNames().next();
            String duplicated = "{\"" + first + "\": " + object.get(first) + ", "
                    + target.example.trim().substring(1);
            expectNamed(target.body(duplicated), "the key " + first + " given twice", 400, first);
            ObjectNode unknown = object.deepCopy();
            unknown.put("notAField", 1);
            expectNamed(target.body(unknown.toString()), "an unknown field", 400, "notAField");
        }
        if (!(example instanceof ObjectNode base)) {
            return;
        }
        // every field spoiled in turn, then all of them at once
        ObjectNode allSpoiled = base.deepCopy();
        List<String> spoiledFields = new ArrayList<>();
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode fieldSchema = resolve(document, field.getValue());
            for (Map.Entry<String, JsonNode> bad : badJsonValues(document, fieldSchema, base.get(field.getKey()))
                    .entrySet()) {
                ObjectNode spoiled = base.deepCopy();
                spoiled.set(field.getKey(), bad.getValue());
                expectNamed(target.body(spoiled.toString()), field.getKey() + " " + bad.getKey(), 400, field.getKey());
            }
            JsonNode fieldExample = base.get(field.getKey());
            JsonNode itemSchema = resolve(document, fieldSchema.path("items"));
            if (fieldExample instanceof ArrayNode items
                    && items.size() > 0
                    && items.get(0) instanceof ObjectNode item) {
                for (Iterator<Map.Entry<String, JsonNode>> inner =
                                itemSchema.path("properties").fields();
                        inner.hasNext(); ) {
                    Map.Entry<String, JsonNode> innerField = inner.next();
                    JsonNode innerSchema = resolve(document, innerField.getValue());
                    for (Map.Entry<String, JsonNode> bad : badJsonValues(
                                    document, innerSchema, item.get(innerField.getKey()))
                            .entrySet()) {
                        ObjectNode spoiled = base.deepCopy();
                        ((ObjectNode) spoiled.get(field.getKey()).get(0)).set(innerField.getKey(), bad.getValue());
                        String name = field.getKey() + "[0]." + innerField.getKey();
                        expectNamed(target.body(spoiled.toString()), name + " " + bad.getKey(), 400, name);
                    }
                }
            }
            JsonNode wrongKind = wrongKind(fieldSchema);
            allSpoiled.set(field.getKey(), wrongKind);
            spoiledFields.add(field.getKey());
        }
        if (spoiledFields.size() > 1) {
            RawHttp.Answer answer = expect(target.body(allSpoiled.toString()), "every field of the wrong kind", 400);
            if (answer != null && answer.status() == 400) {
                for (String field : spoiledFields) {
                    if (!answer.body().contains("\"field\":\"" + field + "\"")) {
                        failures.add(target.key + " with every field of the wrong kind: " + field
                                + " is not among the violations of one answer: " + answer.body());
                    }
                }
            }
        }
    }

    private void csvBodies(Target target) {
        String example = target.example;
        String header = example.lines().findFirst().orElse("");
        String[] columns = header.split(",");
        String row = example.lines().skip(1).findFirst().orElse("");
        String[] cells = row.split(",", -1);
        expect(target.body(""), "an empty file", 400);
        expect(target.body("\u0000\u0001\u0002binary"), "binary garbage", 400);
        expect(target.body(header + "\n" + row + ",\"unclosed\n"), "an unclosed quote", 400);
        expect(target.body(header + "\n" + row + ",x".repeat(100_000) + "\n"), "a row with 100,000 extra cells", 400);
        expect(target.body(",".repeat(1000) + header + "\n" + row + "\n"), "1,000 empty header columns", 400);
        for (int i = 0; i < columns.length && i < cells.length; i++) {
            for (Map.Entry<String, String> bad : badCells(columns[i]).entrySet()) {
                String[] spoiled = cells.clone();
                spoiled[i] = bad.getValue();
                expect(
                        target.body(header + "\n" + String.join(",", spoiled) + "\n"),
                        columns[i] + " " + bad.getKey(),
                        400);
            }
        }
    }

    private static Map<String, String> badCells(String column) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("with a NUL", "a" + NUL + "b");
        bad.put("with a control character", "a\u0007b");
        bad.put("with a bidi override", "\u202Eabc");
        bad.put("only a zero-width space", "\u200B");
        bad.put("of 1 MB", "a".repeat(1024 * 1024));
        bad.put("starting like a formula", "=1+1");
        if (column.toLowerCase().contains("on") || column.toLowerCase().contains("date")) {
            bad.put("dated +999999999-12-31", "+999999999-12-31");
            bad.put("dated year 0", "0000-12-31");
        }
        return bad;
    }

    private static Map<String, String> badQueryValues(JsonNode schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        bad.put("with a NUL", "%00");
        bad.put("with a bidi override", "%E2%80%AEabc");
        if (schema.has("enum")) {
            String first = schema.path("enum").get(0).asText();
            bad.put("an unknown value", "NOT_A_VALUE");
            bad.put("padded", "%20" + first);
            bad.put("an index", "0");
        } else if (type.equals("integer")) {
            bad.put("not a number", "x");
            bad.put("a fraction", "1.5");
            bad.put("beyond 32 bits", "99999999999");
            if (schema.has("minimum")) {
                bad.put(
                        "below its minimum",
                        String.valueOf(schema.path("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                bad.put(
                        "above its maximum",
                        String.valueOf(schema.path("maximum").asLong() + 1));
            }
        } else if (type.equals("boolean")) {
            bad.put("not a boolean", "yes");
        } else if (format.equals("date")) {
            bad.put("+999999999-12-31", "%2B999999999-12-31");
            bad.put("year 0", "0000-12-31");
            bad.put("February 30", "2024-02-30");
            bad.put("a number", "20240101");
        } else if (format.equals("uuid")) {
            bad.put("not an id", "not-an-id");
        } else {
            if (schema.has("pattern") || schema.has("maxLength")) {
                bad.put(
                        "not matching its rule",
                        "%3C%3E"
                                + "z"
                                        .repeat(Math.max(
                                                1, schema.path("maxLength").asInt(0) + 1)));
            }
            bad.put("only a zero-width space", "%E2%80%8B");
        }
        return bad;
    }

    private Map<String, JsonNode> badJsonValues(JsonNode document, JsonNode schema, JsonNode example) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (schema.has("enum")) {
            String first = schema.path("enum").get(0).asText();
            bad.put("an unknown value", nodes.textNode("NOT_A_VALUE"));
            bad.put("padded", nodes.textNode(" " + first));
            bad.put("an index", nodes.numberNode(0));
            bad.put("lower case", nodes.textNode(first.toLowerCase()));
        } else if (format.equals("date")) {
            bad.put("+999999999-12-31", nodes.textNode("+999999999-12-31"));
            bad.put("year 0", nodes.textNode("0000-12-31"));
            bad.put("before year 1", nodes.textNode("-0001-01-01"));
            bad.put("February 30", nodes.textNode("2024-02-30"));
            bad.put("a number of days", nodes.numberNode(19000));
            bad.put("an array", nodes.arrayNode().add(2024).add(1).add(1));
        } else if (format.equals("uuid")) {
            bad.put("not an id", nodes.textNode("not-an-id"));
            bad.put("a number", nodes.numberNode(5));
        } else if (type.equals("string")) {
            bad.put("a number", nodes.numberNode(123));
            bad.put("an object", nodes.objectNode());
            bad.put("with a NUL", nodes.textNode("a" + NUL + "b"));
            bad.put("with a control character", nodes.textNode("a\u0007b"));
            bad.put("with a bidi override", nodes.textNode("\u202Eabc"));
            bad.put("only a zero-width space", nodes.textNode("\u200B"));
            bad.put("only spaces", nodes.textNode("   "));
            int max = schema.path("maxLength").asInt(0);
            bad.put("too long", nodes.textNode("a".repeat(max > 0 ? max + 1 : 100_000)));
        } else if (type.equals("integer") || type.equals("number")) {
            bad.put("text", nodes.textNode("5"));
            bad.put("a boolean", nodes.booleanNode(true));
            bad.put("too large", nodes.numberNode(new java.math.BigDecimal("1e400")));
            if (type.equals("integer")) {
                bad.put("a fraction", nodes.numberNode(1.5));
                bad.put("beyond 32 bits", nodes.numberNode(99_999_999_999L));
            }
            if (schema.has("minimum")) {
                bad.put(
                        "below its minimum",
                        nodes.numberNode(schema.path("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)));
            }
        } else if (type.equals("boolean")) {
            bad.put("text", nodes.textNode("true"));
            bad.put("a number", nodes.numberNode(1));
        } else if (type.equals("array")) {
            bad.put("text", nodes.textNode("x"));
            int max = schema.path("maxItems").asInt(0);
            // (A set of 10,001 copies of one value is one value: only lists are checked for length.)
            if (example instanceof ArrayNode items
                    && items.size() > 0
                    && !schema.path("uniqueItems").asBoolean(false)) {
                ArrayNode many = nodes.arrayNode();
                for (int i = 0; i < (max > 0 ? max + 1 : 10_001); i++) {
                    many.add(items.get(0).deepCopy());
                }
                bad.put("with " + many.size() + " items", many);
            }
        } else if (type.equals("object") || schema.has("properties")) {
            bad.put("text", nodes.textNode("x"));
        }
        return bad;
    }

    private static JsonNode wrongKind(JsonNode schema) {
        String type = schema.path("type").asText();
        if (schema.has("enum") || type.equals("string")) {
            return JsonNodeFactory.instance.objectNode();
        }
        return JsonNodeFactory.instance.textNode("\u200B");
    }

    // ---------------------------------------------------------------- sending and judging

    /** expected: the status required, or 0 for "any 4xx". */
    private RawHttp.Answer expect(Request request, String what, int expected) {
        return check(request, what, expected, null);
    }

    private RawHttp.Answer expectNamed(Request request, String what, int expected, String field) {
        return check(request, what, expected, field);
    }

    private RawHttp.Answer check(Request request, String what, int expected, String field) {
        RawHttp.Answer answer;
        try {
            answer = http.send(request.method, request.target, request.headers, request.body);
        } catch (UncheckedIOException e) {
            failures.add(request.key + " with " + what + ": no answer ("
                    + e.getCause().getMessage() + ")");
            return null;
        }
        sent++;
        statuses.merge(answer.status(), 1, Integer::sum);
        String contentType = String.valueOf(answer.header("Content-Type"));
        String problem = null;
        if (answer.status() < 400 || answer.status() >= 500) {
            problem = "answered " + answer.status();
        } else if (expected != 0 && answer.status() != expected && !(expected == 406 && answer.status() == 401)) {
            problem = "answered " + answer.status() + ", not " + expected;
        } else if (!contentType.startsWith("application/problem+json")) {
            problem = "answered " + answer.status() + " as " + contentType + ", not application/problem+json";
        } else if (LEAK.matcher(answer.body()).find()) {
            Matcher leak = LEAK.matcher(answer.body());
            leak.find();
            problem = "named the implementation (" + leak.group() + ")";
        } else if (field != null && answer.status() == 400 && !answer.body().contains(field)) {
            problem = "did not name " + field;
        }
        if (problem != null) {
            failures.add(request.key + " with " + what + ": " + problem + ": " + RawHttp.abbreviated(answer.body()));
        }
        return answer;
    }

    private String quietFingerprint() {
        String previous = fingerprint.get();
        for (int i = 0; i < 50; i++) {
            String now = fingerprint.get();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private String path(AccessMatrix.Operation operation, String template) {
        Matcher matcher = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(pathValues.apply(operation, matcher.group(1))));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String bodyType(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || content.size() == 0) {
            return null;
        }
        return content.has("application/json")
                ? "application/json"
                : content.fieldNames().next();
    }

    private static JsonNode schemaOf(JsonNode document, JsonNode operation) {
        return resolve(
                document,
                operation
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema"));
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema;
        for (int depth = 0; depth < 5 && resolved.has("$ref"); depth++) {
            String ref = resolved.path("$ref").asText().replaceFirst("^#/", "");
            resolved = document.at("/" + ref);
        }
        if (resolved.has("allOf") && resolved.path("allOf").size() == 1) {
            return resolve(document, resolved.path("allOf").get(0));
        }
        return resolved;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("an example body is not JSON: " + json, e);
        }
    }

    /** What a client of the operation accepts: what its success answers are, and problems. */
    private static String accept(JsonNode operation) {
        java.util.Set<String> types =
                new java.util.LinkedHashSet<>(List.of("application/json", "application/problem+json"));
        operation.path("responses").fields().forEachRemaining(answer -> {
            if (answer.getKey().startsWith("2")) {
                answer.getValue().path("content").fieldNames().forEachRemaining(types::add);
            }
        });
        return String.join(", ", types);
    }

    /** One operation with valid path values, valid headers and its valid example body. */
    private final class Target {
        final String key;
        final String method;
        final Supplier<String> path;
        final String bodyType;
        final String example;
        final String accept;

        Target(String key, String method, Supplier<String> path, String bodyType, String example, String accept) {
            this.key = key;
            this.method = method;
            this.path = path;
            this.bodyType = bodyType;
            this.example = example;
            this.accept = accept;
        }

        Request base() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", accept);
            headers.put("Authorization", "Bearer " + adminToken);
            byte[] body = null;
            if (bodyType != null) {
                headers.put("Content-Type", bodyType);
                body = example.getBytes(StandardCharsets.UTF_8);
            }
            String query = queries.get(key);
            return new Request(key, method, path.get() + (query == null ? "" : "?" + query), headers, body);
        }

        Request without(String header) {
            return base().without(header);
        }

        Request header(String name, String value) {
            return base().header(name, value);
        }

        Request body(String body) {
            return base().body(body);
        }

        Request query(String name, String value) {
            Request request = base();
            String encoded =
                    value.contains("%") || value.isEmpty() ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
            String target = request.target
                    .replaceAll("([?&])" + Pattern.quote(name) + "=[^&]*&?", "$1")
                    .replaceAll("[?&]$", "");
            return request.target(target + (target.contains("?") ? "&" : "?") + name + "=" + encoded);
        }

        Request rawQuery(String query) {
            Request request = base();
            return request.target(request.target + (request.target.contains("?") ? "&" : "?") + query);
        }

        Request rawPathSuffix(String suffix) {
            Request request = base();
            int query = request.target.indexOf('?');
            return request.target(
                    query < 0
                            ? request.target + suffix
                            : request.target.substring(0, query) + suffix + request.target.substring(query));
        }

        Request pathValue(String name, String value) {
            Request request = base();
            String template = key.substring(key.indexOf(' ') + 1);
            Matcher matcher = PATH_PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            AccessMatrix.Operation operation = new AccessMatrix.Operation(method, template, null);
            while (matcher.find()) {
                String v = matcher.group(1).equals(name) ? value : pathValues.apply(operation, matcher.group(1));
                matcher.appendReplacement(path, Matcher.quoteReplacement(v));
            }
            matcher.appendTail(path);
            String query = queries.get(key);
            return request.target(path + (query == null ? "" : "?" + query));
        }
    }

    private static final class Request {
        final String key;
        final String method;
        String target;
        final Map<String, String> headers;
        byte[] body;

        Request(String key, String method, String target, Map<String, String> headers, byte[] body) {
            this.key = key;
            this.method = method;
            this.target = target;
            this.headers = headers;
            this.body = body;
        }

        Request without(String header) {
            headers.remove(header);
            return this;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request body(String text) {
            body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Request target(String newTarget) {
            target = newTarget;
            return this;
        }
    }
}
