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
import java.util.List;
import org.onemind.infra.ChildProcesses;

/** GreenMail standalone as a child process: a real SMTP server and the REST API that reads its mail. */
final class MailServerProcess implements AutoCloseable {
    private final Process process;
    private final int smtpPort;
    private final URI api;

    private MailServerProcess(Process process, int smtpPort, URI api) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.api = api;
    }

    static MailServerProcess start(Path jar, int smtpPort, int apiPort, Path log, Duration timeout) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; run ./mvnw package first");
        }
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // GreenMail keeps every email in memory: a national benchmark sends tens of thousands.
                "-Xmx" + System.getenv().getOrDefault("ONEMIND_MAIL_SERVER_HEAP", "128m"),
                "-XX:+UseSerialGC",
                "-Dgreenmail.smtp.hostname=localhost",
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=localhost",
                "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled",
                "-jar",
                jar.toString());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            MailServerProcess server =
                    new MailServerProcess(process, smtpPort, URI.create("http://localhost:" + apiPort));
            server.awaitReady(timeout, log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("GreenMail did not start", e);
        }
    }

    private void awaitReady(Duration timeout, Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("GreenMail exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(api.resolve("/api/service/readiness"))
                                                .timeout(Duration.ofSeconds(5)) // never wait on a silent port
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
            LocalStack.pause();
        }
        close();
        throw new IllegalStateException("GreenMail not ready within " + timeout + "; see " + log);
    }

    int smtpPort() {
        return smtpPort;
    }

    URI api() {
        return api;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(10));
    }
}
