package org.onemind.agency.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How agency-service reaches the Keycloak admin API: a confidential client of the realm with a
 * service account holding the realm-management roles to manage users and clients.
 */
@ConfigMapping(prefix = "onemind.identity")
public interface IdentityConfig {

    /** Keycloak's base URL, e.g. {@code http://localhost:8180}. */
    String serverUrl();

    @WithDefault("one-mind")
    String realm();

    @WithDefault("one-mind-agency-service")
    String clientId();

    String clientSecret();

    /**
     * Whether a production start may use the committed fallback secret: only the local stack (a
     * demo on one machine) says yes; a deployment must give the realm client's real secret.
     */
    @WithDefault("false")
    boolean allowFallbackSecret();

    /** How long an invitation link stays valid. */
    @WithDefault("P3D")
    Duration invitationLifespan();

    /** Where Keycloak sends an invited person after they set their password, if anywhere. */
    Optional<String> invitationRedirectUri();

    /** The client whose login the invitation link leads to (needed with a redirect URI). */
    Optional<String> invitationClientId();

    /** The audience every token for the services must carry. */
    @WithDefault("one-mind-api")
    String apiAudience();
}
