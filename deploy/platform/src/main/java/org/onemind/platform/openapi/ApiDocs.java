package org.onemind.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.onemind.platform.problem.Problem;

/**
 * What every operation of every service has in common, written once into each OpenAPI document:
 * a stable {@code operationId} ({@code registerAgency} from {@code AgencyResource.register}), a
 * description, the roles that may call it, the errors it can answer as problem details (400, 401,
 * 403, 404, 429 with its rate-limit headers, 500), the rate-limit headers of its answers, and the
 * servers a client calls.
 */
public class ApiDocs implements OASFilter {
    static final String PROBLEM = "Problem";
    // Components named as the headers themselves, so a linter that looks for the header finds it.
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    static final String RATE_LIMIT = "RateLimit";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String RETRY_AFTER = "Retry-After";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        // Every answer carries these: described once and referred to, so the document stays small.
        openAPI.getComponents()
                .addHeader(
                        RATE_LIMIT_POLICY,
                        header(
                                "the limits that apply to the operation, e.g. \"directory\";q=120;w=60",
                                Schema.SchemaType.STRING))
                .addHeader(
                        RATE_LIMIT,
                        header("what is left of them, e.g. \"directory\";r=119;t=59", Schema.SchemaType.STRING))
                .addHeader(
                        ALLOW_ORIGIN,
                        header(
                                "the caller's Origin, when it is one the deployment allows (CORS)",
                                Schema.SchemaType.STRING))
                .addHeader(RETRY_AFTER, header("seconds until the window resets", Schema.SchemaType.INTEGER));
        if (openAPI.getComponents().getSecuritySchemes() != null) {
            openAPI.getComponents()
                    .getSecuritySchemes()
                    .values()
                    .forEach(scheme -> scheme.setDescription(
                            "An access token from the campaign's Keycloak realm (one-mind): a signed JWT, short-lived, validated"
                                    + " as RFC8725 recommends (signature, issuer, audience, expiry); members and partner clients"
                                    + " whose access was revoked are refused at once."));
        }
        openAPI.setServers(List.of(OASFactory.createServer()
                .url(ConfigProvider.getConfig()
                        .getOptionalValue("onemind.openapi.server-url", String.class)
                        .orElse("https://api.onemind.example"))
                .description("production: the ingress in front of the four services")
                .addExtension("x-internal", false)));
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(ApiDocs::boundIntegers);
            openAPI.getComponents().getSchemas().values().forEach(ApiDocs::boundFormattedText);
            Examples.apply(openAPI.getComponents().getSchemas(), Examples.load());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) ->
                        item.getOperations().forEach((method, operation) -> describe(path, method, operation)));
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        operation.setOperationId(operationId(operation.getOperationId()));
        List<String> roles = rolesOf(operation);
        if (operation.getDescription() == null || operation.getDescription().isBlank()) {
            operation.setDescription(
                    operation.getSummary() == null ? operation.getOperationId() : operation.getSummary());
        }
        if (!roles.isEmpty()) {
            operation.setDescription(
                    operation.getDescription() + "\n\nWho may call it: " + String.join(", ", roles) + ".");
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, APIResponse> answer : responses.getAPIResponses().entrySet()) {
            if (answer.getKey().startsWith("2") || answer.getKey().startsWith("4")) {
                rateLimitHeaders(answer.getValue());
            }
        }
        problem(responses, "500", "An unexpected failure; the problem's incident id names it in the service's log");
        // Every operation refuses an unknown query parameter, an oversized URL or header, a body it does not take.
        problem(
                responses,
                "400",
                "The request is malformed, names an unknown parameter or has a value out of bounds; nothing was"
                        + " changed");
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            // Public (the directory, the badge): said explicitly, so that no reader takes it for an omission.
            operation.setSecurity(new java.util.ArrayList<>());
        } else {
            problem(responses, "401", "No valid access token (missing, expired, or of a revoked member or client)");
            problem(responses, "403", "The caller's role or agency does not allow this operation");
        }
        if (path.contains("{")) {
            problem(responses, "404", "No such resource (or none the caller may see)");
        }
        if (responses.getAPIResponse("429") == null) {
            APIResponse tooMany = problemResponse(
                            "Too many requests: the caller went over a rate limit (see RateLimit-Policy); retry after"
                                    + " Retry-After seconds")
                    .addHeader("Retry-After", reference(RETRY_AFTER));
            rateLimitHeaders(tooMany);
            responses.addAPIResponse("429", tooMany);
        }
        // A header a resource names without a schema (Location, ETag) is text no longer than a URL.
        responses.getAPIResponses().values().stream()
                .filter(answer -> answer.getHeaders() != null)
                .flatMap(answer -> answer.getHeaders().values().stream())
                .filter(header -> header.getRef() == null && header.getSchema() == null)
                .forEach(header -> header.setSchema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .maxLength(2048)));
        // An error a resource declares by its status alone (412, 428, 406...) is answered as a problem too.
        responses.getAPIResponses().forEach((status, answer) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && answer.getContent() == null) {
                answer.setContent(problemResponse(answer.getDescription()).getContent());
            }
        });
        responses.getAPIResponses().values().forEach(ApiDocs::corsHeader);
    }

    /**
     * A whole number without declared bounds is bounded by its Java type, which the JSON reader
     * enforces (a larger value is refused): say so, so that a client generator picks the right type.
     */
    private static void boundIntegers(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.INTEGER)) {
            boolean wide = "int64".equals(schema.getFormat());
            if (schema.getFormat() == null) {
                schema.setFormat("int32");
            }
            if (schema.getMinimum() == null) {
                schema.setMinimum(java.math.BigDecimal.valueOf(wide ? Long.MIN_VALUE : Integer.MIN_VALUE));
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(java.math.BigDecimal.valueOf(wide ? Long.MAX_VALUE : Integer.MAX_VALUE));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiDocs::boundIntegers);
        }
        boundIntegers(schema.getItems());
    }

    /** The longest text of each format the API writes and reads (a UUID, an ISO date, an ISO instant). */
    static final Map<String, Integer> FORMAT_LENGTHS = Map.of("uuid", 36, "date", 10, "date-time", 35);

    private static void boundFormattedText(Schema schema) {
        if (schema.getType() != null
                && schema.getType().contains(Schema.SchemaType.STRING)
                && schema.getMaxLength() == null
                && schema.getFormat() != null
                && FORMAT_LENGTHS.containsKey(schema.getFormat())) {
            schema.setMaxLength(FORMAT_LENGTHS.get(schema.getFormat()));
        }
    }

    /** Browsers' frontends call the API from their own origin (quarkus.http.cors.origins). */
    private static void corsHeader(APIResponse answer) {
        if (answer.getHeaders() == null || !answer.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            answer.addHeader("Access-Control-Allow-Origin", reference(ALLOW_ORIGIN));
        }
    }

    /**
     * {@code AgencyResource_register} (SmallRye's CLASS_METHOD strategy) becomes {@code
     * registerAgency}: stable as long as the Java method keeps its name, unique per service.
     */
    static String operationId(String classMethod) {
        if (classMethod == null || !classMethod.contains("_")) {
            return classMethod;
        }
        String type = classMethod.substring(0, classMethod.indexOf('_'));
        String method = classMethod.substring(classMethod.indexOf('_') + 1);
        if (type.equals("DeadLetterEndpoint")) {
            // Every service has these: named after the service, so that one platform document holds all four.
            String service = ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.application.name", String.class)
                    .orElse("");
            StringBuilder camel = new StringBuilder();
            for (String word : service.split("-")) {
                if (!word.isEmpty()) {
                    camel.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
            boolean many = method.equals("list") || method.equals("replayPending");
            return method + camel + "DeadLetter" + (many ? "s" : "");
        }
        String subject = type.endsWith("Resource") ? type.substring(0, type.length() - "Resource".length()) : type;
        boolean plural = method.equals("list") && !subject.endsWith("s") && !subject.equals("Personnel");
        return method + subject + (plural ? "s" : "");
    }

    /**
     * Quarkus lists the roles of {@code @RolesAllowed} as scopes of the bearer scheme; a bearer
     * scheme has none (OpenAPI 3.1), so they move into the description.
     */
    private static List<String> rolesOf(Operation operation) {
        if (operation.getSecurity() == null) {
            return List.of();
        }
        List<String> roles = new java.util.ArrayList<>();
        List<SecurityRequirement> plain = new java.util.ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            SecurityRequirement without = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                if (scopes != null) {
                    scopes.stream().filter(scope -> !roles.contains(scope)).forEach(roles::add);
                }
                without.addScheme(scheme, List.of());
            });
            plain.add(without);
        }
        operation.setSecurity(plain);
        return roles;
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            APIResponse answer = problemResponse(description);
            if (status.startsWith("4")) {
                rateLimitHeaders(answer);
            }
            responses.addAPIResponse(status, answer);
        } else if (responses.getAPIResponse(status).getContent() == null) {
            responses.getAPIResponse(status).setContent(problemContent());
        }
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
    }

    private static void rateLimitHeaders(APIResponse answer) {
        if (answer.getHeaders() != null && answer.getHeaders().containsKey("RateLimit")) {
            return;
        }
        answer.addHeader("RateLimit-Policy", reference(RATE_LIMIT_POLICY));
        answer.addHeader("RateLimit", reference(RATE_LIMIT));
    }

    private static Header reference(String component) {
        return OASFactory.createHeader().ref("#/components/headers/" + component);
    }

    private static Header header(String description, Schema.SchemaType type) {
        Schema schema = OASFactory.createSchema().type(List.of(type));
        if (type == Schema.SchemaType.STRING) {
            schema.maxLength(500).pattern("^[ -~]*$");
        } else {
            schema.format("int32").minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(86_400));
        }
        return OASFactory.createHeader().description(description).schema(schema);
    }

    /** RFC 9457, as {@link Problem} writes it. */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .maxLength(4000);
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("A problem detail (RFC 9457): what went wrong, in the API's words")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .format("uri")
                                .maxLength(200)
                                .example(Problem.TYPE_BASE + "invalid-request"))
                .addProperty("title", text)
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.INTEGER))
                                .format("int32")
                                .minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", text)
                .addProperty(
                        "instance",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .maxLength(2000))
                .addProperty(
                        "violations",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .maxItems(1000)
                                .description("every field that was refused, with why")
                                .items(OASFactory.createSchema()
                                        .type(List.of(Schema.SchemaType.OBJECT))
                                        .addProperty(
                                                "field",
                                                OASFactory.createSchema()
                                                        .type(List.of(Schema.SchemaType.STRING))
                                                        .maxLength(500))
                                        .addProperty("message", text)))
                .addRequired("type")
                .addRequired("title")
                .addRequired("status");
    }
}
