package org.onemind.agency;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.onemind.infra.KeycloakServer;

/**
 * Real identities in the test Keycloak, made through its admin API as the bootstrap admin (the way
 * campaign staff would in the console), and real tokens for them.
 */
final class Identities implements AutoCloseable {
    static final String PASSWORD = "a-long-test-password";
    private final KeycloakServer server;
    private final Keycloak admin;

    Identities(KeycloakServer server) {
        this.server = server;
        this.admin = Keycloak.getInstance(server.url(), "master", "admin", "admin", "admin-cli");
    }

    RealmResource realm() {
        return admin.realm("one-mind");
    }

    /** A person who can sign in with {@link #PASSWORD}, with the realm roles and attributes given. */
    String user(String role, Map<String, List<String>> attributes) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@test.onemind.example");
        user.setFirstName("Test");
        user.setLastName(role);
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setAttributes(attributes);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String id;
        try (var created = realm().users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(created);
        }
        if (role != null) {
            realm().users()
                    .get(id)
                    .roles()
                    .realmLevel()
                    .add(List.of(realm().roles().get(role).toRepresentation()));
        }
        return username;
    }

    String campaignAdmin() {
        return passwordToken(user("campaign-admin", Map.of()));
    }

    String manager(UUID agencyId) {
        return passwordToken(user("agency-manager", Map.of("agency_id", List.of(agencyId.toString()))));
    }

    /** The token the one-mind-cli client gets for a user by the password grant. */
    String passwordToken(String username) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "one-mind-cli")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .post(tokenEndpoint())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The token a confidential client gets by the client-credentials grant. */
    String clientToken(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(tokenEndpoint())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    int clientTokenStatus(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(tokenEndpoint())
                .statusCode();
    }

    /**
     * A confidential client with a service account holding {@code role}, shaped like the realm's
     * clients except for what the caller changes (audience, token lifespan).
     */
    String serviceClient(String role, boolean withAudience, Map<String, String> attributes, String secret) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("test-" + UUID.randomUUID().toString().substring(0, 8));
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setSecret(secret);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setAttributes(attributes);
        if (withAudience) {
            ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
            audience.setName("audience");
            audience.setProtocol("openid-connect");
            audience.setProtocolMapper("oidc-audience-mapper");
            audience.setConfig(Map.of("included.client.audience", "one-mind-api", "access.token.claim", "true"));
            client.setProtocolMappers(List.of(audience));
        }
        String id;
        try (var created = realm().clients().create(client)) {
            id = CreatedResponseUtil.getCreatedId(created);
        }
        String serviceAccount =
                realm().clients().get(id).getServiceAccountUser().getId();
        realm().users()
                .get(serviceAccount)
                .roles()
                .realmLevel()
                .add(List.of(realm().roles().get(role).toRepresentation()));
        return client.getClientId();
    }

    String tokenEndpoint() {
        return server.issuer("one-mind") + "/protocol/openid-connect/token";
    }

    @Override
    public void close() {
        admin.close();
    }
}
