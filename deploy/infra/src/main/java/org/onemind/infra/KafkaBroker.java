package org.onemind.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/** A single-node Kafka (KRaft, broker and controller in one) running inside this JVM. */
public final class KafkaBroker implements AutoCloseable {
    private final KafkaRaftServer server;
    private final int port;

    private KafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static KafkaBroker start(Path logDirectory, int port, boolean keepData) {
        try {
            if (!keepData) {
                deleteRecursively(logDirectory);
            }
            Files.createDirectories(logDirectory);
            int chosen = port > 0 ? port : FreePorts.any();
            int controllerPort = FreePorts.any();
            Properties props = brokerProperties(logDirectory, chosen, controllerPort);
            Path config = logDirectory.resolveSibling(logDirectory.getFileName() + ".properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "single-node KRaft broker");
            }
            // A new cluster id on kept data fails, so format only a directory that was never formatted.
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                int rc = StorageTool.execute(
                        new String[] {
                            "format",
                            "--cluster-id",
                            Uuid.randomUuid().toString(),
                            "--config",
                            config.toString(),
                            "--ignore-formatted"
                        },
                        new PrintStream(output, true, StandardCharsets.UTF_8));
                if (rc != 0) {
                    throw new IllegalStateException("Kafka storage format failed: " + output);
                }
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            server.startup();
            return new KafkaBroker(server, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    private static Properties brokerProperties(Path logDirectory, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDirectory.toAbsolutePath().toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        // One broker: every internal topic must live with a single replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("default.replication.factor", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return props;
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
