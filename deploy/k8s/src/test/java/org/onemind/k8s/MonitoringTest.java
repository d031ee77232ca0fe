package org.onemind.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The monitoring an ops team installs with the platform (base/monitoring): the ServiceMonitor finds
 * every service, every alert and dashboard expression is PromQL that Prometheus' own grammar
 * parses, every alert has its runbook in the README, and the dashboard reaches Grafana's sidecar.
 * That each metric they name is exported is checked against the running services by LocalStackIT.
 */
class MonitoringTest {
    static final Pattern README_HEADING =
            Pattern.compile("(?m)^#+\\s+.*\\{#([a-z0-9-]+)\\}\\s*$|^<a id=\"([a-z0-9-]+)\"></a>");

    static List<HasMetadata> prod() {
        return KubernetesManifestsTest.render("prod");
    }

    static GenericKubernetesResource only(List<HasMetadata> objects, String kind) {
        List<GenericKubernetesResource> found = objects.stream()
                .filter(o -> o.getKind().equals(kind))
                .map(GenericKubernetesResource.class::cast)
                .toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    /** Every alert and recording rule: name → expression. */
    static Map<String, String> ruleExpressions(List<HasMetadata> objects) {
        JsonNode spec = KubernetesManifestsTest.JSON.valueToTree(
                only(objects, "PrometheusRule").getAdditionalProperties().get("spec"));
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode group : spec.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert")
                        ? rule.path("alert").asText()
                        : rule.path("record").asText();
                expressions.put(name, rule.path("expr").asText());
            }
        }
        return expressions;
    }

    static JsonNode dashboard(List<HasMetadata> objects) throws IOException {
        ConfigMap map = objects.stream()
                .filter(o -> o instanceof ConfigMap && o.getMetadata().getName().equals("one-mind-grafana-dashboard"))
                .map(ConfigMap.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dashboard ConfigMap"));
        assertEquals("1", map.getMetadata().getLabels().get("grafana_dashboard"), "Grafana's sidecar picks it up");
        return KubernetesManifestsTest.JSON.readTree(map.getData().get("one-mind-platform.json"));
    }

    /** Every query of the dashboard: panel title (and query) → expression. */
    static Map<String, String> dashboardExpressions(JsonNode dashboard) {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put(
                        panel.path("title").asText() + " / "
                                + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        return expressions;
    }

    @Test
    void theServiceMonitorScrapesEveryServiceOnItsMetricsPath() {
        List<HasMetadata> objects = prod();
        JsonNode spec = KubernetesManifestsTest.JSON.valueToTree(
                only(objects, "ServiceMonitor").getAdditionalProperties().get("spec"));
        Map<String, String> selector = KubernetesManifestsTest.JSON.convertValue(
                spec.path("selector").path("matchLabels"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
        List<String> selected = objects.stream()
                .filter(o -> o instanceof Service)
                .filter(o -> o.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .map(o -> o.getMetadata().getLabels().get(spec.path("jobLabel").asText()))
                .sorted()
                .toList();
        assertEquals(
                KubernetesManifestsTest.SERVICES.stream().sorted().toList(),
                selected,
                "the ServiceMonitor selects the four services and nothing else, and names each job after it");
        JsonNode endpoint = spec.path("endpoints").get(0);
        assertEquals("/q/metrics", endpoint.path("path").asText());
        for (HasMetadata service :
                objects.stream().filter(o -> o instanceof Service).toList()) {
            if (selected.contains(service.getMetadata().getLabels().get("app.kubernetes.io/name"))) {
                assertTrue(
                        ((Service) service)
                                .getSpec().getPorts().stream()
                                        .anyMatch(p -> p.getName()
                                                .equals(endpoint.path("port").asText())),
                        service.getMetadata().getName() + " has the scraped port");
            }
        }
    }

    @Test
    void everyAlertAndDashboardQueryIsPromQlThatPrometheusParses() throws Exception {
        List<HasMetadata> objects = prod();
        Map<String, String> expressions = new LinkedHashMap<>(ruleExpressions(objects));
        expressions.putAll(dashboardExpressions(dashboard(objects)));
        assertTrue(expressions.size() > 20, "the rules and the dashboard have their queries");
        JsonNode parsed = parseWithPrometheusGrammar(expressions);
        List<String> problems = new ArrayList<>();
        expressions.forEach((name, expr) -> {
            JsonNode result = parsed.path(name);
            if (result.path("errors").size() > 0) {
                problems.add(name + ": " + expr + " → " + result.path("errors"));
            }
            if (result.path("metrics").isEmpty()) {
                problems.add(name + " reads no metric");
            }
        });
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void everyAlertPagesWithASummaryAndARunbookSectionOfTheReadme() throws IOException {
        String readme = Files.readString(KubernetesManifestsTest.REPOSITORY.resolve("README.md"));
        Set<String> anchors = new TreeSet<>();
        Matcher heading = README_HEADING.matcher(readme);
        while (heading.find()) {
            anchors.add(heading.group(1) != null ? heading.group(1) : heading.group(2));
        }
        JsonNode spec = KubernetesManifestsTest.JSON.valueToTree(
                only(prod(), "PrometheusRule").getAdditionalProperties().get("spec"));
        List<String> problems = new ArrayList<>();
        int alerts = 0;
        for (JsonNode group : spec.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (!rule.has("alert")) {
                    continue;
                }
                alerts++;
                String alert = rule.path("alert").asText();
                String severity = rule.path("labels").path("severity").asText();
                if (!Set.of("page", "ticket").contains(severity)) {
                    problems.add(alert + " has severity '" + severity + "' (page or ticket)");
                }
                if (rule.path("annotations").path("summary").asText().isBlank()) {
                    problems.add(alert + " has no summary");
                }
                String runbook = rule.path("annotations").path("runbook_url").asText();
                String anchor = runbook.contains("#") ? runbook.substring(runbook.indexOf('#') + 1) : "";
                if (!anchors.contains(anchor)) {
                    problems.add(alert + ": the README has no runbook section '" + anchor + "'");
                }
            }
        }
        assertTrue(alerts >= 10, "the alerts are there");
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void theDashboardIsOneScreenOfTheChainWithADatasourceToChoose() throws IOException {
        JsonNode dashboard = dashboard(prod());
        assertEquals("one-mind-platform", dashboard.path("uid").asText());
        assertEquals(
                "datasource",
                dashboard.path("templating").path("list").get(0).path("type").asText());
        Set<String> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asText()), "panel ids are unique");
            if (!panel.path("type").asText().equals("row")) {
                assertFalse(panel.path("description").asText().isBlank(), panel.path("title") + " says what it shows");
                assertTrue(panel.path("gridPos").path("w").asInt() > 0, panel.path("title") + " has a place");
            }
        }
        // The first screen (above y = 12) answers the paging questions: waiting, stuck, chain latency, emails.
        Set<String> firstScreen = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("gridPos").path("y").asInt() < 12) {
                panel.path("targets")
                        .forEach(t -> firstScreen.add(t.path("expr").asText()));
            }
        }
        String queries = String.join("\n", firstScreen);
        for (String metric : List.of(
                "onemind_dead_letters_pending",
                "onemind_consumer_stuck_seconds",
                "onemind_outbox_oldest_age_seconds",
                "onemind_event_latency_seconds_bucket",
                "onemind_emails_total",
                "http_server_requests_seconds_count")) {
            assertTrue(queries.contains(metric), "the first screen shows " + metric);
        }
    }

    /** Runs Prometheus' PromQL grammar (npm @prometheus-io/lezer-promql, pinned) over the expressions. */
    static JsonNode parseWithPrometheusGrammar(Map<String, String> expressions) throws Exception {
        boolean node;
        try {
            node = run(List.of("npm", "--version"), null).exit() == 0;
        } catch (IOException absent) {
            node = false;
        }
        if (!node) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true needs Node.js 20+ and npm on the PATH: PromQL is parsed with Prometheus' grammar on it");
            }
            Assumptions.abort("no Node.js here: the PromQL parse is skipped");
        }
        Result installed = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), null);
        assertEquals(0, installed.exit(), () -> "npm ci failed:\n" + installed.output());
        Result parsed = run(
                List.of("node", "src/test/promql/parse.mjs"),
                KubernetesManifestsTest.JSON.writeValueAsString(expressions));
        assertEquals(0, parsed.exit(), () -> "the PromQL parse failed:\n" + parsed.output());
        return KubernetesManifestsTest.JSON.readTree(parsed.output());
    }

    record Result(int exit, String output) {}

    static Result run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(KubernetesManifestsTest.K8S.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " took longer than 300 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
