package org.onemind.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a service's tests a real PostgreSQL database and a real Kafka broker (and, with
 * {@code mail=true}, a real SMTP server). Init args: {@code database} (the service's database name),
 * {@code mail}, {@code keycloak} (the directory the {@code keycloak-quarkus-dist} archive was unpacked
 * into: starts Keycloak with the committed realm, points OIDC and the admin API at it, and sends its
 * email to the SMTP server when {@code mail=true}). When {@code ONEMIND_TEST_POSTGRES_URL} (a JDBC URL of a server's {@code postgres}
 * database) or {@code ONEMIND_TEST_KAFKA_BOOTSTRAP} is set, that running server is used instead of
 * starting one.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "app";
    private boolean withMail;
    private boolean mailerConfig;
    private PostgresServer postgres;
    private KafkaBroker kafkaBroker;
    private MailServer mailServer;
    private FaultProxy smtpProxy;
    private String keycloakDir;
    private KeycloakServer keycloak;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        withMail = Boolean.parseBoolean(initArgs.getOrDefault("mail", "false"));
        // A service without Quarkus Mailer (whose SMTP server only Keycloak uses) says mailer=false.
        mailerConfig = Boolean.parseBoolean(initArgs.getOrDefault("mailer", String.valueOf(withMail)));
        keycloakDir = initArgs.get("keycloak");
    }

    @Override
    public Map<String, String> start() {
        Path work = Path.of("target", "infra").toAbsolutePath();
        Map<String, String> config = new HashMap<>();
        if (withMail) {
            mailServer = MailServer.start(0);
        }
        if (withMail && mailerConfig) {
            // The mailer reaches SMTP through a fault proxy, so tests can slow or hang the server for real.
            smtpProxy = FaultProxy.start("localhost", mailServer.port());
            config.put("quarkus.mailer.host", "localhost");
            config.put("quarkus.mailer.port", String.valueOf(smtpProxy.port()));
        }
        // Keycloak takes longest to start: it starts first and the other servers start meanwhile.
        java.util.concurrent.CompletableFuture<KeycloakServer> keycloakStart = keycloakDir == null
                ? null
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> startKeycloak(work));

        String postgresUrl = System.getenv("ONEMIND_TEST_POSTGRES_URL");
        String jdbcUrl;
        if (postgresUrl != null && !postgresUrl.isBlank()) {
            PostgresServer.createDatabaseIfMissing(postgresUrl, database);
            jdbcUrl = postgresUrl.substring(0, postgresUrl.lastIndexOf('/') + 1) + database;
        } else {
            postgres = PostgresServer.start(work.resolve("postgres"), 0, false);
            postgres.createDatabaseIfMissing(database);
            jdbcUrl = postgres.jdbcUrl(database);
        }
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);

        String kafkaBootstrap = System.getenv("ONEMIND_TEST_KAFKA_BOOTSTRAP");
        if (kafkaBootstrap == null || kafkaBootstrap.isBlank()) {
            kafkaBroker = KafkaBroker.start(work.resolve("kafka"), 0, false);
            kafkaBootstrap = kafkaBroker.bootstrapServers();
        }
        config.put("kafka.bootstrap.servers", kafkaBootstrap);

        if (keycloakStart != null) {
            keycloak = keycloakStart.join();
            config.put("quarkus.oidc.tenant-enabled", "true");
            config.put("quarkus.oidc.auth-server-url", keycloak.issuer(REALM));
            config.put("onemind.identity.server-url", keycloak.url());
        }
        return config;
    }

    static final String REALM = "one-mind";

    private KeycloakServer startKeycloak(Path work) {
        Path realmFile = repositoryRoot().resolve("deploy/keycloak/one-mind-realm.json");
        Map<String, String> realmEnvironment = new HashMap<>();
        if (mailServer != null) {
            realmEnvironment.put("ONEMIND_SMTP_HOST", "localhost");
            realmEnvironment.put("ONEMIND_SMTP_PORT", String.valueOf(mailServer.port()));
        }
        try {
            java.nio.file.Files.createDirectories(work);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return KeycloakServer.start(
                KeycloakServer.home(Path.of(keycloakDir).toAbsolutePath()),
                realmFile,
                FreePorts.any(),
                false,
                work.resolve("keycloak.log"),
                java.time.Duration.ofMinutes(4),
                realmEnvironment);
    }

    /** The directory holding the root pom.xml and deploy/, looking upwards from the module. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !java.nio.file.Files.isDirectory(dir.resolve("deploy/keycloak"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no deploy/keycloak above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    @Override
    public void inject(TestInjector testInjector) {
        if (keycloak != null) {
            testInjector.injectIntoFields(
                    keycloak, new TestInjector.AnnotatedAndMatchesType(InjectKeycloak.class, KeycloakServer.class));
        }
        if (smtpProxy != null) {
            testInjector.injectIntoFields(
                    smtpProxy, new TestInjector.AnnotatedAndMatchesType(InjectSmtpProxy.class, FaultProxy.class));
        }
        if (mailServer != null) {
            testInjector.injectIntoFields(
                    mailServer, new TestInjector.AnnotatedAndMatchesType(InjectMailServer.class, MailServer.class));
        }
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (smtpProxy != null) {
            smtpProxy.close();
        }
        if (mailServer != null) {
            mailServer.close();
        }
        if (kafkaBroker != null) {
            kafkaBroker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
