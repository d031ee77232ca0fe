package org.onemind.agency.identity;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.onemind.platform.problem.ApiException;

/**
 * The one door to the Keycloak admin API. Every call goes through {@link #call}, which turns
 * Keycloak being down or refusing into a 503 problem the caller can retry, instead of leaking
 * Keycloak's own status (a Keycloak 404 is not the caller's 404).
 */
@ApplicationScoped
public class IdentityProvider {
    private static final Logger LOG = Logger.getLogger(IdentityProvider.class);

    @Inject
    IdentityConfig config;

    private volatile Keycloak keycloak;

    public IdentityConfig config() {
        return config;
    }

    public <T> T call(String action, Function<RealmResource, T> work) {
        try {
            return work.apply(client().realm(config.realm()));
        } catch (ApiException e) {
            throw e;
        } catch (WebApplicationException e) {
            LOG.warnf("Keycloak refused to %s: HTTP %d", action, e.getResponse().getStatus());
            throw unavailable(action);
        } catch (ProcessingException e) {
            LOG.warnf("Keycloak unreachable to %s: %s", action, e.getMessage());
            throw unavailable(action);
        }
    }

    public void run(String action, java.util.function.Consumer<RealmResource> work) {
        call(action, realm -> {
            work.accept(realm);
            return null;
        });
    }

    private static ApiException unavailable(String action) {
        return ApiException.unavailable(
                "identity-provider-unavailable",
                "the identity provider could not " + action + " now; nothing was changed, try again shortly");
    }

    private Keycloak client() {
        Keycloak current = keycloak;
        if (current == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakBuilder.builder()
                            .serverUrl(config.serverUrl())
                            .realm(config.realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(config.clientId())
                            .clientSecret(config.clientSecret())
                            .build();
                }
                current = keycloak;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
