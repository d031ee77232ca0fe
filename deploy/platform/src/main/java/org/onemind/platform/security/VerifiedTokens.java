package org.onemind.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified by quarkus-oidc, recognised until they expire. A frontend or a
 * partner sends the same token for its whole life (5 minutes in the realm); decoding it, checking
 * its RSA signature and parsing its claims again on every request took a third of the CPU of a
 * compliance read. The identity quarkus-oidc built (after every other augmentor) is remembered
 * here; a request that carries the very same token gets it back before quarkus-oidc's own
 * mechanism runs; any other request, including one with the same token altered in any character,
 * goes to quarkus-oidc. An entry is never used at or after the token's {@code exp}; revocations are
 * checked on every request after authentication (AuthenticationFirst), recognised or not. At most
 * {@code onemind.security.verified-tokens} entries per replica.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism, SecurityIdentityAugmentor {
    private static final String BEARER = "Bearer ";
    private final Cache<String, Verified> verified;

    @Inject
    public VerifiedTokens(
            @ConfigProperty(name = "onemind.security.verified-tokens", defaultValue = "4096") int entries) {
        // Access tokens live 5 minutes; nothing is kept past 10 whatever a token claims.
        verified = Caffeine.newBuilder()
                .maximumSize(entries)
                .expireAfterWrite(Duration.ofMinutes(10))
                .build();
    }

    private record Verified(SecurityIdentity identity, long expiresAtEpochSecond) {}

    // --- Recognising: an authentication mechanism tried before quarkus-oidc's ------------------------

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context);
        Verified known = token == null ? null : verified.getIfPresent(token);
        if (known == null) {
            return Uni.createFrom().nullItem(); // quarkus-oidc's mechanism verifies it
        }
        if (System.currentTimeMillis() / 1000 >= known.expiresAtEpochSecond()) {
            verified.invalidate(token);
            return Uni.createFrom().nullItem();
        }
        // The identity as built, pointing at this request's routing context instead of the first one's.
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(known.identity())
                        .addAttribute(RoutingContext.class.getName(), context)
                        .build());
    }

    private static String bearerToken(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    /** Challenges and refusals stay quarkus-oidc's. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(false);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    // --- Remembering: the last augmentor of an identity quarkus-oidc verified -------------------------

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getRawToken() != null
                && jwt.getExpirationTime() > 0) {
            verified.put(jwt.getRawToken(), new Verified(identity, jwt.getExpirationTime()));
        }
        return Uni.createFrom().item(identity);
    }
}
