package org.onemind.agency.identity;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;

/** A production start refuses the committed fallback secret instead of running with a guessable one. */
@ApplicationScoped
public class FallbackSecretCheck {
    /** Secrets committed to the repository as placeholders: never a real one. */
    static final Set<String> FALLBACKS = Set.of("change-me-in-production", "change-me", "secret", "");

    @Inject
    IdentityConfig config;

    void onStart(@Observes StartupEvent started) {
        String refusal = refusal(LaunchMode.current(), config.clientSecret(), config.allowFallbackSecret());
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
    }

    /** Why the service must not start, or null when it may. */
    static String refusal(LaunchMode mode, String secret, boolean fallbackAllowed) {
        if (mode != LaunchMode.NORMAL || fallbackAllowed || !FALLBACKS.contains(secret.strip())) {
            return null;
        }
        return "onemind.identity.client-secret is the committed fallback; give the secret of the realm's "
                + "one-mind-agency-service client (ONEMIND_IDENTITY_CLIENT_SECRET). Only the local stack may run with "
                + "the fallback (onemind.identity.allow-fallback-secret=true).";
    }
}
