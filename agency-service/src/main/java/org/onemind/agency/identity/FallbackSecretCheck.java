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

    @Inject
    org.onemind.agency.credential.CredentialConfig credentials;

    void onStart(@Observes StartupEvent started) {
        String refusal = refusal(LaunchMode.current(), config.clientSecret(), config.allowFallbackSecret());
        if (refusal == null) {
            refusal = keyEncryptionRefusal(
                    LaunchMode.current(), credentials.keyEncryptionKey(), config.allowFallbackSecret());
        }
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
    }

    /** The credentials' signing keys must not be encrypted under a key anyone can read in the repository. */
    static String keyEncryptionRefusal(LaunchMode mode, String secret, boolean fallbackAllowed) {
        return refusedFallback(
                mode,
                secret,
                fallbackAllowed,
                "onemind.credentials.key-encryption-key is the committed fallback; give a long random secret"
                        + " (ONEMIND_CREDENTIALS_KEY_ENCRYPTION_KEY) that encrypts the credential signing keys. Keep"
                        + " it: keys stored under one secret cannot be read under another.");
    }

    /** Why the service must not start, or null when it may. */
    static String refusal(LaunchMode mode, String secret, boolean fallbackAllowed) {
        return refusedFallback(
                mode,
                secret,
                fallbackAllowed,
                "onemind.identity.client-secret is the committed fallback; give the secret of the realm's "
                        + "one-mind-agency-service client (ONEMIND_IDENTITY_CLIENT_SECRET). Only the local stack may run"
                        + " with the fallback (onemind.identity.allow-fallback-secret=true).");
    }

    /** {@code refusal} when a production start was given a committed fallback and no leave to use it. */
    private static String refusedFallback(LaunchMode mode, String secret, boolean fallbackAllowed, String refusal) {
        return mode != LaunchMode.NORMAL || fallbackAllowed || !FALLBACKS.contains(secret.strip()) ? null : refusal;
    }
}
