package org.onemind.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One address for the whole API on a laptop, as the ingress gives one in production: requests are
 * routed to the four services by the rules of {@code deploy/k8s/base/ingress.yaml} itself (its
 * regular expressions, longest first, as ingress-nginx tries them), so what works here works behind the
 * ingress. It also serves the platform's OpenAPI document ({@code /openapi.json}) and Swagger UI over
 * it ({@code /docs}), whose "Try it out" calls the services through this gateway.
 */
public final class ApiGateway implements AutoCloseable {
    static final String DOCS_BACKEND = "api-docs";
    static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
    /** Hop-by-hop headers, and those java.net.http sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive", "te");

    private static final ObjectMapper JSON = new ObjectMapper();

    record Route(Pattern path, String backend) {}

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(32);
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final List<Route> routes;
    private final Function<String, String> backends;
    private final byte[] document;

    /**
     * @param backends the base URL of each backend the ingress names (a service's name)
     * @param platformDocument the merged OpenAPI document (deploy/k8s/target/openapi/one-mind-platform.json)
     */
    public ApiGateway(int port, Path ingress, Function<String, String> backends, Path platformDocument) {
        this.routes = routes(ingress);
        this.backends = backends;
        try {
            this.server = HttpServer.create(new InetSocketAddress("localhost", port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + port, e);
        }
        this.document = localDocument(
                platformDocument, "http://localhost:" + server.getAddress().getPort());
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The ingress's paths, longest first (ingress-nginx's order for regular expressions). */
    static List<Route> routes(Path ingress) {
        try {
            JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(ingress.toFile());
            List<Route> routes = new ArrayList<>();
            for (JsonNode rule : manifest.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    routes.add(new Route(
                            Pattern.compile(path.path("path").asText(), Pattern.CASE_INSENSITIVE),
                            path.path("backend").path("service").path("name").asText()));
                }
            }
            routes.sort(Comparator.comparingInt(
                            (Route route) -> route.path().pattern().length())
                    .reversed());
            return routes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + ingress, e);
        }
    }

    /** The backend the ingress sends {@code path} to, or null. */
    static String backendOf(List<Route> routes, String path) {
        return routes.stream()
                .filter(route -> route.path().matcher(path).lookingAt())
                .map(Route::backend)
                .findFirst()
                .orElse(null);
    }

    private static byte[] localDocument(Path platformDocument, String url) {
        if (!Files.exists(platformDocument)) {
            return null;
        }
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(platformDocument.toFile());
            document.putArray("servers")
                    .addObject()
                    .put("url", url)
                    .put("description", "this machine: the local stack's gateway");
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + platformDocument, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String backend = backendOf(routes, path);
            // The page's assets are the gateway's own (production loads them from a CDN).
            if (DOCS_BACKEND.equals(backend) || path.startsWith("/docs/")) {
                serveDocs(exchange, path);
            } else if (backend == null) {
                problem(
                        exchange,
                        404,
                        "No such resource",
                        "No service answers " + path + " (deploy/k8s/base/ingress.yaml)");
            } else {
                forward(exchange, backends.apply(backend));
            }
        }
    }

    private void forward(HttpExchange exchange, String backend) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(backend + exchange.getRequestURI().toString()))
                .timeout(Duration.ofMinutes(2));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        request.header(
                "X-Forwarded-Host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean body = length != null && !"0".equals(length)
                || exchange.getRequestHeaders().containsKey("Transfer-Encoding");
        request.method(
                exchange.getRequestMethod(),
                body
                        ? HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody)
                        : HttpRequest.BodyPublishers.noBody());
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException unreachable) {
            problem(
                    exchange,
                    502,
                    "Service unavailable",
                    "The service behind this path did not answer: " + unreachable);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(exchange, 503, "Service unavailable", "The gateway is stopping");
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
        boolean empty = response.statusCode() == 204
                || response.statusCode() == 304
                || declared == 0
                || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : Math.max(declared, 0));
        try (InputStream in = response.body();
                OutputStream out = exchange.getResponseBody()) {
            if (!empty) {
                in.transferTo(out);
            }
        }
    }

    private void serveDocs(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/openapi.json")) {
            if (document == null) {
                problem(exchange, 404, "No document", "Build deploy/k8s first (./mvnw package)");
                return;
            }
            send(exchange, 200, "application/json", document);
        } else if (path.equals("/docs") || path.equals("/docs/")) {
            send(exchange, 200, "text/html; charset=utf-8", SWAGGER_PAGE.getBytes(StandardCharsets.UTF_8));
        } else {
            String file = path.substring("/docs/".length());
            InputStream asset = file.contains("..")
                    ? null
                    : ApiGateway.class.getClassLoader().getResourceAsStream(SWAGGER_UI + file);
            if (asset == null) {
                problem(exchange, 404, "No such resource", "No such file of the documentation page: " + file);
                return;
            }
            try (asset) {
                send(exchange, 200, contentType(file), asset.readAllBytes());
            }
        }
    }

    private static String contentType(String file) {
        return file.endsWith(".js")
                ? "text/javascript"
                : file.endsWith(".css") ? "text/css" : file.endsWith(".png") ? "image/png" : "application/octet-stream";
    }

    static final String SWAGGER_PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>One Mind Platform API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
            </head>
            <body>
              <div id="api"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script>
                SwaggerUIBundle({url: "/openapi.json", dom_id: "#api", deepLinking: true, tryItOutEnabled: false});
              </script>
            </body>
            </html>
            """;

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    private static String swaggerUiVersion() {
        try (InputStream properties = ApiGateway.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            java.util.Properties read = new java.util.Properties();
            if (properties != null) {
                read.load(properties);
            }
            return read.getProperty("version", "missing");
        } catch (IOException e) {
            return "missing";
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
