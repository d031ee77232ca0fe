package org.onemind.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onemind.infra.ChildProcesses;
import org.onemind.infra.FreePorts;
import org.onemind.infra.KafkaBroker;
import org.onemind.infra.KeycloakServer;
import org.onemind.infra.PostgresServer;

/**
 * The whole system on one machine: PostgreSQL, Kafka, an SMTP server with its mail-reading API,
 * Keycloak with the {@code one-mind} realm, and the four services as child processes.
 */
public final class LocalStack implements AutoCloseable {
    public static final List<String> SERVICES =
            List.of("agency-service", "training-service", "compliance-service", "notification-service");
    private static final Map<String, String> DATABASES = Map.of(
            "agency-service",
            "agency",
            "training-service",
            "training",
            "compliance-service",
            "compliance",
            "notification-service",
            "notification");

    /** Where things go and which ports they take (0 = any free port). */
    public record Settings(
            Path repository,
            Path dataDirectory,
            boolean clean,
            int postgresPort,
            int kafkaPort,
            int smtpPort,
            int mailApiPort,
            int keycloakPort,
            int gatewayPort,
            Map<String, Integer> servicePorts,
            Duration startTimeout) {

        /** The documented local defaults, each overridable by an environment variable. */
        public static Settings fromEnvironment(Path repository, boolean clean) {
            Map<String, Integer> services = new LinkedHashMap<>();
            services.put("agency-service", env("ONEMIND_AGENCY_PORT", 8081));
            services.put("training-service", env("ONEMIND_TRAINING_PORT", 8082));
            services.put("compliance-service", env("ONEMIND_COMPLIANCE_PORT", 8083));
            services.put("notification-service", env("ONEMIND_NOTIFICATION_PORT", 8084));
            Path data = System.getenv("ONEMIND_DATA_DIR") != null
                    ? Path.of(System.getenv("ONEMIND_DATA_DIR"))
                    : repository.resolve("deploy/local/data");
            return new Settings(
                    repository,
                    data,
                    clean,
                    env("ONEMIND_POSTGRES_PORT", 15432),
                    env("ONEMIND_KAFKA_PORT", 9092),
                    env("ONEMIND_SMTP_PORT", 2525),
                    env("ONEMIND_MAIL_API_PORT", 8025),
                    env("ONEMIND_KEYCLOAK_PORT", 8180),
                    env("ONEMIND_API_PORT", 8080),
                    services,
                    Duration.ofMinutes(5));
        }

        /** Every port free-chosen and fresh data: for a system test that must not meet a running stack. */
        public static Settings isolated(Path repository, Path dataDirectory) {
            Map<String, Integer> services = new LinkedHashMap<>();
            SERVICES.forEach(s -> services.put(s, FreePorts.any()));
            return new Settings(
                    repository,
                    dataDirectory,
                    true,
                    FreePorts.any(),
                    FreePorts.any(),
                    FreePorts.any(),
                    FreePorts.any(),
                    FreePorts.any(),
                    FreePorts.any(),
                    services,
                    Duration.ofMinutes(5));
        }

        private static int env(String name, int fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }

    private final Settings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Process> services = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KafkaBroker kafkaBroker;
    private MailServerProcess mail;
    private KeycloakServer keycloak;
    private DemoIdentities identities;
    private DemoIdentities.Demo demo;
    private ApiGateway gateway;

    private LocalStack(Settings settings) {
        this.settings = settings;
    }

    public static LocalStack start(Settings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Path data = settings.dataDirectory().toAbsolutePath();
        Path logs = data.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean keep = !settings.clean();

        postgres = PostgresServer.start(data.resolve("postgres"), settings.postgresPort(), keep);
        started.add(postgres);
        DATABASES.values().forEach(postgres::createDatabaseIfMissing);

        kafkaBroker = KafkaBroker.start(data.resolve("kafka"), settings.kafkaPort(), keep);
        started.add(kafkaBroker);

        mail = MailServerProcess.start(
                settings.repository().resolve("deploy/local/target/greenmail/greenmail-standalone.jar"),
                settings.smtpPort(),
                settings.mailApiPort(),
                logs.resolve("greenmail.log"),
                Duration.ofMinutes(1));
        started.add(mail);

        keycloak = KeycloakServer.start(
                keycloakHome(),
                settings.repository().resolve("deploy/keycloak/one-mind-realm.json"),
                settings.keycloakPort(),
                keep,
                logs.resolve("keycloak.log"),
                settings.startTimeout(),
                Map.of("ONEMIND_SMTP_HOST", "localhost", "ONEMIND_SMTP_PORT", String.valueOf(mail.smtpPort())));
        started.add(keycloak);

        for (String service : SERVICES) {
            services.put(service, startService(service, logs.resolve(service + ".log")));
        }
        Instant deadline = Instant.now().plus(settings.startTimeout());
        for (String service : SERVICES) {
            awaitReady(service, deadline, logs.resolve(service + ".log"));
        }
        gateway = new ApiGateway(
                settings.gatewayPort(),
                settings.repository().resolve("deploy/k8s/base/ingress.yaml"),
                this::url,
                settings.repository().resolve("deploy/k8s/target/openapi/one-mind-platform.json"));
        started.add(gateway);
        identities = new DemoIdentities(this, data);
        demo = identities.ensure(postgres.jdbcUrl(DATABASES.get("agency-service")));
    }

    public Path repository() {
        return settings.repository();
    }

    /** The demo identities (one per role) the launcher made. */
    public DemoIdentities.Demo demo() {
        return demo;
    }

    /** A token of a demo user (campaign-admin, agency-manager, or one made by {@link #demoUser}). */
    public String demoToken(String username) {
        return identities.passwordToken(username);
    }

    /** Makes a user with the demo password, a realm role and attributes (for tests). */
    public void demoUser(String username, String role, Map<String, List<String>> attributes) {
        identities.user(username, role, attributes);
    }

    private Path keycloakHome() {
        return KeycloakServer.home(settings.repository().resolve("deploy/local/target/keycloak"));
    }

    private Process startService(String service, Path log) {
        return startService(service, port(service), log, Map.of());
    }

    private Process startService(String service, int httpPort, Path log, Map<String, String> overrides) {
        Path jar = settings.repository().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; run ./mvnw package first");
        }
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms32m",
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        // Malformed URIs reach the service's HttpEdge, which answers a problem body.
                        "-Dvertx.disableURIValidation=true",
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        // glibc gives each thread that allocates its own 64 MB malloc arena; two keep a JVM's native
        // memory (and so its RSS) from growing with its thread count.
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(DATABASES.get(service)));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBroker.bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer("one-mind"));
        env.put("ONEMIND_IDENTITY_SERVER_URL", keycloak.url());
        // A demo on one machine: the realm and agency-service share the committed fallback client secret,
        // which a production start refuses (FallbackSecretCheck).
        env.put("ONEMIND_IDENTITY_ALLOW_FALLBACK_SECRET", "true");
        // Badges, credentials and emails name the API's public address: on this machine, the gateway.
        env.put("ONEMIND_OPENAPI_SERVER_URL", "http://localhost:" + settings.gatewayPort());
        env.put("QUARKUS_MAILER_HOST", "localhost");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(mail.smtpPort()));
        // The campaign's listed agencies, loaded into an empty agency database so the directory is not empty.
        env.put(
                "ONEMIND_AGENCY_SEED_FILE",
                settings.repository().resolve("deploy/local/seed-agencies.csv").toString());
        env.put(
                "ONEMIND_NOTIFICATION_DRAFT_LETTER_URL",
                url("agency-service") + "/api/v1/agencies/{agencyId}/completion/letter");
        // An integrator tries webhooks on a laptop: receivers at http://localhost are accepted here only.
        env.put("ONEMIND_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        // The services run their production profile, which logs JSON for a cluster's collector; on this
        // machine the logs are read by people (ONEMIND_LOG_JSON=true shows what production writes).
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", System.getenv().getOrDefault("ONEMIND_LOG_JSON", "false"));
        env.putAll(overrides);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service, e);
        }
    }

    private void awaitReady(String service, Instant deadline, Path log) {
        awaitReady(service, services.get(service), url(service), deadline, log);
    }

    private void awaitReady(String service, Process process, String baseUrl, Instant deadline, Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(baseUrl + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(
                                        // A request that is never answered (another program on the port) must not
                                        // keep this loop from noticing that the service exited.
                                        HttpRequest.newBuilder(ready)
                                                .timeout(Duration.ofSeconds(5))
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException(service + " not ready by " + deadline + "; see " + log);
    }

    public int port(String service) {
        return settings.servicePorts().get(service);
    }

    public String url(String service) {
        return "http://localhost:" + port(service);
    }

    /** The whole API at one address, routed as the ingress routes it. */
    public String apiUrl() {
        return gateway.url();
    }

    public String keycloakUrl() {
        return keycloak.url();
    }

    public String issuer() {
        return keycloak.issuer("one-mind");
    }

    public URI mailApi() {
        return mail.api();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String kafkaBootstrapServers() {
        return kafkaBroker.bootstrapServers();
    }

    // --- Faults, as an ops team would cause them (the fault-injection test uses these) -------------

    /** Kills the service with SIGKILL: no shutdown hook, no graceful stop, mid-work. */
    public void kill(String service) {
        Process process = services.get(service);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a killed (or stopped) service again on its port and waits until it is ready. */
    public void restart(String service) {
        restart(service, Map.of());
    }

    /** Like {@link #restart(String)}, with some settings overridden by environment variables. */
    public void restart(String service, Map<String, String> environment) {
        Path log = settings.dataDirectory().toAbsolutePath().resolve("logs").resolve(service + ".log");
        services.put(service, startService(service, port(service), log, environment));
        awaitReady(service, Instant.now().plus(settings.startTimeout()), log);
    }

    /**
     * Starts another instance of {@code service} on a free port, sharing its database and consumer
     * group (a second replica). @return the running replica; {@link Process#destroyForcibly()} kills it
     */
    public Replica startReplica(String service) {
        int httpPort = org.onemind.infra.FreePorts.any();
        Path log = settings.dataDirectory()
                .toAbsolutePath()
                .resolve("logs")
                .resolve(service + "-replica-" + httpPort + ".log");
        Process process = startService(service, httpPort, log, Map.of());
        String baseUrl = "http://localhost:" + httpPort;
        Replica replica = new Replica(process, baseUrl);
        started.add(replica);
        awaitReady(service, process, baseUrl, Instant.now().plus(settings.startTimeout()), log);
        return replica;
    }

    /** A second instance of a service. */
    public record Replica(Process process, String url) implements AutoCloseable {
        public void kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                ChildProcesses.stop(process, Duration.ofSeconds(20));
            }
        }
    }

    /** Stops the Kafka broker (its data stays); the services keep running without it. */
    public void stopBroker() {
        started.remove(kafkaBroker);
        kafkaBroker.close();
    }

    /** Starts the broker again on the same port and data. */
    public void startBroker() {
        kafkaBroker =
                KafkaBroker.start(settings.dataDirectory().toAbsolutePath().resolve("kafka"), kafkaBroker.port(), true);
        started.add(kafkaBroker);
    }

    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, process) -> pids.put(name, process.pid()));
        return pids;
    }

    /** What a person needs to use the stack. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("\nOne Mind Platform is running.\n\n");
        out.append(String.format("  %-22s %s   (every service, routed as the ingress routes them)%n", "API", apiUrl()));
        out.append(String.format(
                "  %-22s %s/openapi.json   (Swagger UI %s/docs)%n%n", "platform OpenAPI", apiUrl(), apiUrl()));
        for (String service : SERVICES) {
            out.append(String.format(
                    "  %-22s %s   (Swagger UI %s/q/swagger-ui, OpenAPI %s/q/openapi)%n",
                    service, url(service), url(service), url(service)));
        }
        out.append(String.format("%n  %-22s %s   (admin console: admin / admin)%n", "Keycloak", keycloakUrl()));
        out.append(String.format("  %-22s %s%n", "token endpoint", issuer() + "/protocol/openid-connect/token"));
        out.append(String.format("  %-22s localhost:%d%n", "SMTP", mail.smtpPort()));
        out.append(String.format("  %-22s %s/api/user/{email}/messages/INBOX%n", "mail-reading API", mail.api()));
        out.append(String.format("  %-22s %s%n", "Kafka", kafkaBroker.bootstrapServers()));
        out.append(String.format(
                "  %-22s %s (user postgres / postgres)%n",
                "PostgreSQL", postgres.jdbcUrl("{agency|training|compliance|notification}")));
        out.append(String.format(
                "  %-22s %s%n", "data and logs", settings.dataDirectory().toAbsolutePath()));
        String tokenEndpoint = issuer() + "/protocol/openid-connect/token";
        out.append("\nDemo identities (password ")
                .append(DemoIdentities.PASSWORD)
                .append("):\n");
        out.append("  campaign-admin          role campaign-admin\n");
        out.append("  agency-manager          role agency-manager of ")
                .append(demo.managedAgencyName())
                .append(" (")
                .append(demo.managedAgencyId())
                .append(")\n");
        out.append("  partner API client      ")
                .append(demo.partner().clientId())
                .append(" / ")
                .append(demo.partner().clientSecret())
                .append("\n");
        out.append("                          (")
                .append(DemoIdentities.PARTNER_ORGANIZATION)
                .append(", partner of that agency)\n");
        out.append("Take a token with:\n");
        out.append("  curl -s -d grant_type=password -d client_id=one-mind-cli -d username=campaign-admin \\\n")
                .append("       -d password=")
                .append(DemoIdentities.PASSWORD)
                .append(" ")
                .append(tokenEndpoint)
                .append("\n");
        out.append("  curl -s -d grant_type=client_credentials -d client_id=")
                .append(demo.partner().clientId())
                .append(" \\\n       -d client_secret=")
                .append(demo.partner().clientSecret())
                .append(" ")
                .append(tokenEndpoint)
                .append("\n");
        out.append("\nCtrl-C stops everything.\n");
        return out.toString();
    }

    @Override
    public void close() {
        services.values().forEach(process -> ChildProcesses.stop(process, Duration.ofSeconds(20)));
        services.clear();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        started.clear();
    }

    public static void main(String[] args) throws InterruptedException {
        quietInfrastructureLogs();
        boolean clean = List.of(args).contains("--clean");
        Path repository = Path.of(System.getProperty("onemind.repository", "."))
                .toAbsolutePath()
                .normalize();
        Instant begin = Instant.now();
        LocalStack stack = start(Settings.fromEnvironment(repository, clean));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping One Mind Platform...");
                            stack.close();
                            System.out.println("Stopped.");
                        },
                        "local-stack-shutdown"));
        System.out.print(stack.describe());
        System.out.printf(
                "%nReady in %d s.%n", Duration.between(begin, Instant.now()).toSeconds());
        Thread.currentThread().join();
    }

    static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void quietInfrastructureLogs() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler handler :
                java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setLevel(java.util.logging.Level.WARNING);
        }
    }
}
