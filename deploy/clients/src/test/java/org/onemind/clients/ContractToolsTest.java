package org.onemind.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract as third parties meet it: every OpenAPI document passes Spectral (its OpenAPI rules and
 * the OWASP API Security ruleset, configured in {@code .spectral.yaml}) and Redocly's recommended rules
 * ({@code redocly.yaml}) without an error, and the generated TypeScript client compiles under
 * {@code strict}. The tools are Node.js packages pinned in {@code package.json}: without Node.js the test
 * is skipped, except under {@code CI=true}, where it must run.
 */
class ContractToolsTest {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPOSITORY = MODULE.resolve("../..").normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> documents() {
        return List.of(
                REPOSITORY.resolve("agency-service/target/openapi/openapi.json"),
                REPOSITORY.resolve("training-service/target/openapi/openapi.json"),
                REPOSITORY.resolve("compliance-service/target/openapi/openapi.json"),
                REPOSITORY.resolve("notification-service/target/openapi/openapi.json"),
                REPOSITORY.resolve("deploy/k8s/target/openapi/one-mind-platform.json"));
    }

    @BeforeAll
    static void installTheTools() throws Exception {
        boolean node;
        try {
            node = run(List.of("npm", "--version"), 60).exit == 0;
        } catch (IOException absent) {
            node = false;
        }
        if (!node) {
            if ("true".equals(System.getenv("CI"))) {
                fail(
                        "CI=true needs Node.js 20+ and npm on the PATH: the contract's lint and TypeScript client run on it");
            }
            Assumptions.abort("no Node.js here: the lint and the TypeScript client's compile are skipped");
        }
        Result installed = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 600);
        assertEquals(0, installed.exit, () -> "npm ci failed:\n" + installed.output);
    }

    @Test
    void everyDocumentPassesSpectralWithoutAnError() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Path document : documents()) {
            Result linted = run(
                    List.of(
                            "npx",
                            "--no-install",
                            "spectral",
                            "lint",
                            "--ruleset",
                            ".spectral.yaml",
                            "--format",
                            "json",
                            "--quiet",
                            document.toString()),
                    300);
            JsonNode problems = JSON.readTree(linted.output.substring(linted.output.indexOf('[')));
            long errors = Stream.of(problems)
                    .flatMap(all -> java.util.stream.StreamSupport.stream(all.spliterator(), false))
                    .filter(problem -> problem.path("severity").asInt() == 0)
                    .peek(problem -> failures.add(
                            document.getFileName() + " " + problem.path("code").asText() + " at " + problem.path("path")
                                    + ": " + problem.path("message").asText()))
                    .count();
            System.out.printf(
                    "spectral %s: %d errors, %d warnings%n",
                    REPOSITORY.relativize(document), errors, problems.size() - errors);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyDocumentPassesRedoclysRecommendedRules() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Path document : documents()) {
            Result linted = run(
                    List.of(
                            "npx",
                            "--no-install",
                            "redocly",
                            "lint",
                            "--config",
                            "redocly.yaml",
                            "--format",
                            "json",
                            document.toString()),
                    300);
            JsonNode report = JSON.readTree(linted.output.substring(linted.output.indexOf('{')));
            report.path("problems").forEach(problem -> {
                if ("error".equals(problem.path("severity").asText())) {
                    failures.add(document.getFileName() + " "
                            + problem.path("ruleId").asText() + ": "
                            + problem.path("message").asText());
                }
            });
            System.out.printf(
                    "redocly %s: %d errors, %d warnings%n",
                    REPOSITORY.relativize(document),
                    report.path("totals").path("errors").asInt(),
                    report.path("totals").path("warnings").asInt());
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theGeneratedTypeScriptClientCompilesStrictly() throws Exception {
        Path client = MODULE.resolve("target/typescript-client");
        long started = System.nanoTime();
        Result compiled = run(List.of("npx", "--no-install", "tsc", "-p", client.toString(), "--strict"), 600);
        assertEquals(0, compiled.exit, () -> "the TypeScript client does not compile:\n" + compiled.output);
        System.out.printf(
                "typescript client: %d source files, %d KB of source, %d KB compiled, tsc %d ms%n",
                count(client.resolve("src"), ".ts"),
                size(client.resolve("src")) / 1024,
                size(client.resolve("dist")) / 1024,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    record Result(int exit, String output) {}

    static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(MODULE.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " took longer than " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static long count(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(suffix)).count();
        }
    }

    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }
}
