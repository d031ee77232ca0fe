package org.onemind.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The local stack's demo identities, one per role, made the way campaign staff would: users through
 * the Keycloak admin API, the partner's API client through agency-service's own endpoint. The
 * committed realm holds none of them, so it is safe to import in production. Made once; a
 * restart on kept data finds them.
 */
final class DemoIdentities {
    static final String PASSWORD = "one-mind-demo";
    static final String ADMIN = "campaign-admin";
    static final String MANAGER = "agency-manager";
    static final String PARTNER_ORGANIZATION = "Demo Behavioral Health";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalStack stack;
    private final Path partnerFile;

    record Partner(String clientId, String clientSecret, UUID organizationId) {}

    record Demo(UUID managedAgencyId, String managedAgencyName, Partner partner) {}

    DemoIdentities(LocalStack stack, Path dataDirectory) {
        this.stack = stack;
        this.partnerFile = dataDirectory.resolve("demo-partner.properties");
    }

    Demo ensure(String jdbcUrl) {
        String keycloakAdmin = masterToken();
        if (send(
                        "GET",
                        stack.keycloakUrl() + "/admin/realms/one-mind/clients?clientId=one-mind-agency-service",
                        keycloakAdmin,
                        null,
                        200)
                .isEmpty()) {
            // Keycloak imports a realm only when it does not exist: kept data holds the older realm.
            throw new IllegalStateException("the kept Keycloak data holds a realm from before agency members and "
                    + "partner API clients; start once with --clean (./deploy/local/run --clean)");
        }
        String[] agency = firstSeedAgency(jdbcUrl);
        UUID agencyId = UUID.fromString(agency[0]);
        ensureUser(keycloakAdmin, ADMIN, ADMIN, Map.of());
        ensureUser(keycloakAdmin, MANAGER, MANAGER, Map.of("agency_id", List.of(agencyId.toString())));
        String admin = passwordToken(ADMIN);
        return new Demo(agencyId, agency[1], ensurePartner(admin, agencyId));
    }

    private Partner ensurePartner(String admin, UUID agencyId) {
        String agencyService = stack.url("agency-service");
        if (Files.exists(partnerFile)) {
            Properties saved = load();
            // Kept only while its organization still exists (a --clean start wipes the databases).
            if (status("GET", agencyService + "/api/v1/organizations/" + saved.getProperty("organizationId")) == 200) {
                return new Partner(
                        saved.getProperty("clientId"),
                        saved.getProperty("clientSecret"),
                        UUID.fromString(saved.getProperty("organizationId")));
            }
        }
        JsonNode organization = send(
                "POST",
                agencyService + "/api/v1/organizations",
                admin,
                Map.of("name", PARTNER_ORGANIZATION, "kind", "MENTAL_HEALTH_PROVIDER", "city", "Macon", "state", "GA"),
                201);
        String organizationId = organization.get("id").asText();
        send(
                "POST",
                agencyService + "/api/v1/agencies/" + agencyId + "/partnerships",
                admin,
                Map.of("organizationId", organizationId, "mouSignedOn", "2026-01-15"),
                201);
        JsonNode client = send(
                "POST",
                agencyService + "/api/v1/organizations/" + organizationId + "/api-clients",
                admin,
                Map.of("name", "Demo partner integration"),
                201);
        Partner partner = new Partner(
                client.get("clientId").asText(), client.get("clientSecret").asText(), UUID.fromString(organizationId));
        Properties saved = new Properties();
        saved.setProperty("clientId", partner.clientId());
        saved.setProperty("clientSecret", partner.clientSecret());
        saved.setProperty("organizationId", organizationId);
        try (var out = Files.newBufferedWriter(partnerFile)) {
            saved.store(out, "the local stack's demo partner API client (made by the launcher)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return partner;
    }

    /** A further user (for tests): made like the demo users, with the demo password. */
    void user(String username, String role, Map<String, List<String>> attributes) {
        ensureUser(masterToken(), username, role, attributes);
    }

    private void ensureUser(String keycloakAdmin, String username, String role, Map<String, List<String>> attributes) {
        String users = stack.keycloakUrl() + "/admin/realms/one-mind/users";
        JsonNode found = send("GET", users + "?exact=true&username=" + username, keycloakAdmin, null, 200);
        if (!found.isEmpty()) {
            return;
        }
        send(
                "POST",
                users,
                keycloakAdmin,
                Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "email",
                        username + "@onemind.example",
                        "emailVerified",
                        true,
                        "firstName",
                        "Demo",
                        "lastName",
                        role,
                        "attributes",
                        attributes,
                        "credentials",
                        List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))),
                201);
        String userId = send("GET", users + "?exact=true&username=" + username, keycloakAdmin, null, 200)
                .get(0)
                .get("id")
                .asText();
        JsonNode roleRepresentation =
                send("GET", stack.keycloakUrl() + "/admin/realms/one-mind/roles/" + role, keycloakAdmin, null, 200);
        send("POST", users + "/" + userId + "/role-mappings/realm", keycloakAdmin, List.of(roleRepresentation), 204);
    }

    private static String[] firstSeedAgency(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("select id, name from agency order by name limit 1")) {
            if (!rows.next()) {
                throw new IllegalStateException("no seed agency in " + jdbcUrl);
            }
            return new String[] {rows.getString(1), rows.getString(2)};
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the seed agencies", e);
        }
    }

    private String masterToken() {
        return token(
                stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin");
    }

    String passwordToken(String username) {
        return token(
                stack.issuer() + "/protocol/openid-connect/token",
                "grant_type=password&client_id=one-mind-cli&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + PASSWORD);
    }

    private String token(String endpoint, String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return exchange(request, 200).get("access_token").asText();
    }

    private JsonNode send(String method, String url, String token, Object body, int expected) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return exchange(request.build(), expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of an anonymous request (a public read). */
    private int status(String method, String url) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .method(method, HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode exchange(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Properties load() {
        Properties saved = new Properties();
        try (var in = Files.newBufferedReader(partnerFile)) {
            saved.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return saved;
    }
}
