package org.onemind.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests cannot silently drift from the services: each overlay is rendered with
 * {@code kubectl kustomize} (skipped where kubectl is not installed, refused under {@code CI=true})
 * and checked with fabric8's Kubernetes model against the services' own OpenAPI documents,
 * {@code application.properties} and event topics.
 */
class KubernetesManifestsTest {
    static final List<String> SERVICES =
            List.of("agency-service", "training-service", "compliance-service", "notification-service");
    static final Path K8S = Path.of("").toAbsolutePath();
    static final Path REPOSITORY = K8S.getParent().getParent();
    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasTheThreeProbesResourcesAndItsCompanions(String overlay) {
        List<HasMetadata> objects = render(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Deployment deployment = find(objects, Deployment.class, service);
            if (deployment == null) {
                problems.add(service + ": no Deployment");
                continue;
            }
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                checkProbe(problems, service, "startup", container.getStartupProbe());
                checkProbe(problems, service, "liveness", container.getLivenessProbe());
                checkProbe(problems, service, "readiness", container.getReadinessProbe());
                var resources = container.getResources();
                for (String kind : List.of("cpu", "memory")) {
                    if (resources == null
                            || resources.getRequests() == null
                            || !resources.getRequests().containsKey(kind)) {
                        problems.add(service + ": no " + kind + " request");
                    }
                    if (resources == null
                            || resources.getLimits() == null
                            || !resources.getLimits().containsKey(kind)) {
                        problems.add(service + ": no " + kind + " limit");
                    }
                }
                if (!Boolean.TRUE.equals(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getSecurityContext()
                        .getRunAsNonRoot())) {
                    problems.add(service + ": may run as root");
                }
            }
            Map<String, String> labels = deployment.getSpec().getSelector().getMatchLabels();
            if (objects.stream()
                    .filter(PodDisruptionBudget.class::isInstance)
                    .map(PodDisruptionBudget.class::cast)
                    .noneMatch(pdb -> labels.equals(pdb.getSpec().getSelector().getMatchLabels()))) {
                problems.add(service + ": no PodDisruptionBudget");
            }
            if (objects.stream()
                    .filter(HorizontalPodAutoscaler.class::isInstance)
                    .map(HorizontalPodAutoscaler.class::cast)
                    .noneMatch(hpa ->
                            service.equals(hpa.getSpec().getScaleTargetRef().getName()))) {
                problems.add(service + ": no HorizontalPodAutoscaler");
            }
            if (objects.stream()
                    .filter(Service.class::isInstance)
                    .map(Service.class::cast)
                    .noneMatch(s -> labels.equals(s.getSpec().getSelector()))) {
                problems.add(service + ": no Service");
            }
            if (objects.stream()
                    .filter(NetworkPolicy.class::isInstance)
                    .map(NetworkPolicy.class::cast)
                    .noneMatch(np -> labels.equals(np.getSpec().getPodSelector().getMatchLabels()))) {
                problems.add(service + ": no NetworkPolicy");
            }
            if (!"true"
                    .equals(deployment
                            .getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getAnnotations()
                            .get("prometheus.io/scrape"))) {
                problems.add(service + ": not scraped by Prometheus");
            }
        }
        assertEquals(List.of(), problems, overlay);
        assertTrue(objects.stream().noneMatch(o -> "Secret".equals(o.getKind())), "no Secret is committed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySettingThatPointsAtALocalServerOrIsACredentialIsProvided(String overlay) throws IOException {
        List<HasMetadata> objects = render(overlay);
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> provided = providedEnvironment(objects, service);
            for (String key : settingsToProvide(service)) {
                String variable = key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
                if (!provided.contains(variable)) {
                    missing.add(service + ": " + key + " (" + variable + ")");
                }
            }
        }
        assertEquals(List.of(), missing, overlay + ": settings the Deployments do not provide");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicAServiceProducesOrConsumesIsDeclared(String overlay) throws IOException {
        Set<String> declared = new HashSet<>();
        for (HasMetadata object : render(overlay)) {
            if ("KafkaTopic".equals(object.getKind())) {
                declared.add((String) ((Map<?, ?>) ((GenericKubernetesResource) object)
                                .getAdditionalProperties()
                                .get("spec"))
                        .get("topicName"));
            }
        }
        Set<String> used = new HashSet<>();
        for (String service : SERVICES) {
            used.addAll(topics(service));
        }
        assertTrue(used.containsAll(List.of("agency.events", "training.events", "compliance.events")), used.toString());
        Set<String> undeclared = new HashSet<>(used);
        undeclared.removeAll(declared);
        assertEquals(Set.of(), undeclared, overlay + ": topics without a KafkaTopic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressRoutesEveryPathOfEveryOpenApiDocumentToItsService(String overlay) throws IOException {
        Ingress ingress = find(render(overlay), Ingress.class, "one-mind-api");
        List<HTTPIngressPath> paths =
                new ArrayList<>(ingress.getSpec().getRules().get(0).getHttp().getPaths());
        // ingress-nginx with use-regex tries longer paths first.
        paths.sort(Comparator.comparingInt((HTTPIngressPath p) -> p.getPath().length())
                .reversed());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String service : SERVICES) {
            Path document = REPOSITORY.resolve(service).resolve("target/openapi/openapi.json");
            assertTrue(Files.exists(document), document + " is missing: build the services first (./mvnw package)");
            JsonNode openApi = JSON.readTree(document.toFile());
            for (var names = openApi.get("paths").fieldNames(); names.hasNext(); ) {
                String template = names.next();
                String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                String routedTo = paths.stream()
                        .filter(p -> Pattern.compile("^" + p.getPath(), Pattern.CASE_INSENSITIVE)
                                .matcher(path)
                                .find())
                        .map(p -> p.getBackend().getService().getName())
                        .findFirst()
                        .orElse("nothing");
                checked++;
                if (!service.equals(routedTo)) {
                    wrong.add(template + " of " + service + " goes to " + routedTo);
                }
            }
        }
        assertEquals(List.of(), wrong, overlay);
        assertTrue(checked > 40, "the OpenAPI documents list the API (" + checked + " paths)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressServesThePlatformDocumentAndItsPage(String overlay) {
        List<HasMetadata> objects = render(overlay);
        Ingress ingress = find(objects, Ingress.class, "one-mind-api");
        for (String path : List.of("/openapi.json", "/docs")) {
            assertEquals(
                    List.of("api-docs"),
                    ingress.getSpec().getRules().get(0).getHttp().getPaths().stream()
                            .filter(p -> Pattern.compile("^" + p.getPath())
                                    .matcher(path)
                                    .find())
                            .map(p -> p.getBackend().getService().getName())
                            .toList(),
                    path);
        }
        ConfigMap content = objects.stream()
                .filter(ConfigMap.class::isInstance)
                .map(ConfigMap.class::cast)
                .filter(map -> map.getMetadata().getName().startsWith("api-docs-"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                Set.of("openapi.json", "docs.html", "default.conf"),
                content.getData().keySet());
        long bytes = content.getData().values().stream()
                .mapToLong(value -> value.getBytes(StandardCharsets.UTF_8).length)
                .sum();
        // A ConfigMap holds at most 1 MiB; the README applies with --server-side (no last-applied copy).
        assertTrue(
                bytes < 960 * 1024,
                "the api-docs ConfigMap is " + bytes / 1024 + " KB, close to the 1 MiB limit: serve the document"
                        + " gzipped (binaryData and nginx's gzip_static) or from an image");
        assertTrue(find(objects, Deployment.class, "api-docs") != null, "api-docs is deployed");
    }

    @Test
    void theRealmImportIsTheCommittedRealm() throws IOException {
        Path realmFile = REPOSITORY.resolve("deploy/keycloak/one-mind-realm.json");
        Path importFile = K8S.resolve("base/infrastructure/keycloak-realm-import.yaml");
        JsonNode realm = JSON.readTree(realmFile.toFile());
        GenericKubernetesResource realmImport =
                (GenericKubernetesResource) Serialization.unmarshal(Files.readString(importFile));
        JsonNode imported = JSON.valueToTree(
                ((Map<?, ?>) realmImport.getAdditionalProperties().get("spec")).get("realm"));
        if (!realm.equals(imported) && Boolean.getBoolean("onemind.k8s.regenerate")) {
            String text = Files.readString(importFile);
            int at = text.indexOf("  realm: ");
            Files.writeString(importFile, text.substring(0, at) + "  realm: " + JSON.writeValueAsString(realm) + "\n");
            return;
        }
        assertEquals(
                realm,
                imported,
                importFile + " differs from " + realmFile
                        + "; regenerate it with ./mvnw -pl deploy/k8s test -Donemind.k8s.regenerate=true");
    }

    @Test
    void productionImportsARealmWithoutThePasswordGrantClientAndWithTlsRequired() {
        String prod = kubectlKustomize(K8S.resolve("overlays/prod"));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                prod != null, "kubectl renders the overlay (required under CI=true)");
        GenericKubernetesResource realmImport = render("prod").stream()
                .filter(o -> o instanceof GenericKubernetesResource && "KeycloakRealmImport".equals(o.getKind()))
                .map(GenericKubernetesResource.class::cast)
                .findFirst()
                .orElseThrow();
        JsonNode realm = JSON.valueToTree(
                ((Map<?, ?>) realmImport.getAdditionalProperties().get("spec")).get("realm"));
        assertEquals("external", realm.path("sslRequired").asText(), "production requires TLS from outside");
        List<String> clients = new ArrayList<>();
        realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        assertFalse(clients.contains("one-mind-cli"), "production has no public password-grant client: " + clients);
        assertTrue(
                clients.containsAll(List.of("one-mind-api", "one-mind-agency-service")),
                "the services' clients stay: " + clients);
        realm.path("clients")
                .forEach(c -> assertFalse(
                        c.path("directAccessGrantsEnabled").asBoolean(false),
                        c.path("clientId").asText() + " allows the password grant in production"));
    }

    // ---------------------------------------------------------------------------------------------

    static List<HasMetadata> render(String overlay) {
        String yaml = kubectlKustomize(K8S.resolve("overlays").resolve(overlay));
        // The services are one template with a name prefix each: only Kustomize itself renders them.
        org.junit.jupiter.api.Assumptions.assumeTrue(
                yaml != null, "kubectl is not installed: the manifests are checked where it is (CI requires it)");
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank() || document.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
                continue;
            }
            Object parsed =
                    Serialization.unmarshal(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
            if (parsed instanceof List<?> list) {
                list.forEach(o -> objects.add((HasMetadata) o));
            } else {
                objects.add((HasMetadata) parsed);
            }
        }
        assertFalse(objects.isEmpty(), overlay + " renders nothing");
        return objects;
    }

    /** The overlay rendered by kubectl, or null when kubectl is not installed (a failure under {@code CI=true}). */
    static String kubectlKustomize(Path overlay) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                    .redirectErrorStream(false)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed: " + err);
            }
            return out;
        } catch (IOException notInstalled) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                // CI must check what is applied: the overlays as Kustomize renders them.
                throw new AssertionError(
                        "kubectl is not installed: under CI=true the overlays must be rendered by"
                                + " kubectl kustomize",
                        notInstalled);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static <T extends HasMetadata> T find(List<HasMetadata> objects, Class<T> type, String name) {
        return objects.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst()
                .orElse(null);
    }

    static void checkProbe(List<String> problems, String service, String kind, Probe probe) {
        if (probe == null
                || probe.getHttpGet() == null
                || !probe.getHttpGet().getPath().startsWith("/q/health/")) {
            problems.add(service + ": no " + kind + " probe on /q/health/*");
        }
    }

    /** Environment variables the service's container gets: its env, and the keys of its ConfigMaps. */
    static Set<String> providedEnvironment(List<HasMetadata> objects, String service) {
        Deployment deployment = find(objects, Deployment.class, service);
        Set<String> provided = new HashSet<>();
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            container.getEnv().stream().map(EnvVar::getName).forEach(provided::add);
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    ConfigMap map = find(
                            objects, ConfigMap.class, source.getConfigMapRef().getName());
                    assertTrue(
                            map != null,
                            service + " uses ConfigMap "
                                    + source.getConfigMapRef().getName() + ", which is not declared");
                    provided.addAll(map.getData().keySet());
                }
            }
        }
        return provided;
    }

    /**
     * The settings (default profile) that a cluster must replace: those that point at this machine,
     * and credentials; of the service's application.properties and of the service kit's defaults
     * below it.
     */
    static List<String> settingsToProvide(String service) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(
                REPOSITORY.resolve("deploy/platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(in);
        }
        try (InputStream in = Files.newInputStream(
                REPOSITORY.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        List<String> keys = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            boolean local = value.contains("localhost") && !key.startsWith("quarkus.http.cors");
            boolean credential =
                    key.endsWith(".password") || key.endsWith(".username") || key.endsWith("client-secret");
            if (!key.startsWith("%") && (local || credential)) {
                keys.add(key);
            }
        }
        keys.sort(String::compareTo);
        return keys;
    }

    /** Topics the service consumes (and dead-letters to) from its settings, and the one its outbox writes to. */
    static Set<String> topics(String service) throws IOException {
        Set<String> topics = new HashSet<>();
        Properties properties = new Properties();
        Path root = REPOSITORY.resolve(service);
        try (InputStream in = Files.newInputStream(root.resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mp.messaging.") && k.endsWith(".topic"))
                .map(properties::getProperty)
                .forEach(topics::add);
        Pattern outboxTopic = Pattern.compile("static final String TOPIC = \"([^\"]+)\"");
        try (Stream<Path> sources = Files.walk(root.resolve("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = outboxTopic.matcher(Files.readString(source));
                while (matcher.find()) {
                    topics.add(matcher.group(1));
                }
            }
        }
        return topics;
    }
}
