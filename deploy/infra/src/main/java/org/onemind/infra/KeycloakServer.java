package org.onemind.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from the {@code keycloak-quarkus-dist} archive, run as a child process in dev mode with
 * the realm imported from a file. The hostname is fixed so that token issuers match what services expect.
 */
public final class KeycloakServer implements AutoCloseable {
    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param home the unpacked distribution (holds {@code bin/kc.sh})
     * @param realmFile a realm export to import when the realm does not exist yet
     * @param keepData false deletes the dev database first, so the realm is imported afresh
     */
    public static KeycloakServer start(
            Path home, Path realmFile, int port, boolean keepData, Path logFile, Duration timeout) {
        return start(home, realmFile, port, keepData, logFile, timeout, Map.of());
    }

    /**
     * @param realmEnvironment values for the realm file's {@code ${VAR:default}} placeholders
     *                         (the SMTP server, client secrets)
     */
    public static KeycloakServer start(
            Path home,
            Path realmFile,
            int port,
            boolean keepData,
            Path logFile,
            Duration timeout,
            Map<String, String> realmEnvironment) {
        try {
            Path data = home.resolve("data");
            if (!keepData) {
                KafkaBroker.deleteRecursively(data);
            }
            Path importDir = data.resolve("import");
            Files.createDirectories(importDir);
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            int managementPort = FreePorts.any();
            List<String> command = new ArrayList<>(List.of(
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-port=" + port,
                    "--hostname=http://localhost:" + port,
                    "--http-management-port=" + managementPort,
                    "--health-enabled=true",
                    "--import-realm"));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
            home.resolve("bin/kc.sh").toFile().setExecutable(true);
            Map<String, String> env = builder.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
            env.putAll(realmEnvironment);
            Process process = builder.start();
            KeycloakServer server = new KeycloakServer(process, port);
            server.awaitRealm("one-mind", timeout, logFile);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start", e);
        }
    }

    private void awaitRealm(String realm, Duration timeout, Path logFile) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer(realm) + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(discovery)
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
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
        close();
        throw new IllegalStateException("Keycloak not ready within " + timeout + "; see " + logFile);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Finds the unpacked distribution (the directory holding {@code bin/kc.sh}) under {@code dir}. */
    public static Path home(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.filter(p -> Files.exists(p.resolve("bin/kc.sh")))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("no Keycloak distribution under " + dir + "; build first"));
        } catch (IOException e) {
            throw new IllegalStateException("no Keycloak distribution under " + dir + "; build first", e);
        }
    }

    public String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }
}
