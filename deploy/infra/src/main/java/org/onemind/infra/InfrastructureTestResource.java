package org.onemind.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a service's tests a real PostgreSQL database and a real Kafka broker (and, with
 * {@code mail=true}, a real SMTP server). Init args: {@code database} (the service's database name),
 * {@code mail}. When {@code ONEMIND_TEST_POSTGRES_URL} (a JDBC URL of a server's {@code postgres}
 * database) or {@code ONEMIND_TEST_KAFKA_BOOTSTRAP} is set, that running server is used instead of
 * starting one.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "app";
    private boolean withMail;
    private PostgresServer postgres;
    private KafkaBroker kafkaBroker;
    private MailServer mailServer;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        withMail = Boolean.parseBoolean(initArgs.getOrDefault("mail", "false"));
    }

    @Override
    public Map<String, String> start() {
        Path work = Path.of("target", "infra").toAbsolutePath();
        Map<String, String> config = new HashMap<>();

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

        if (withMail) {
            mailServer = MailServer.start(0);
            config.put("quarkus.mailer.host", "localhost");
            config.put("quarkus.mailer.port", String.valueOf(mailServer.port()));
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        if (mailServer != null) {
            testInjector.injectIntoFields(mailServer,
                    new TestInjector.AnnotatedAndMatchesType(InjectMailServer.class, MailServer.class));
        }
    }

    @Override
    public void stop() {
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
