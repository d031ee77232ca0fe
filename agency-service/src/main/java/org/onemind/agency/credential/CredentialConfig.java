package org.onemind.agency.credential;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The campaign's credentials: how their signing keys are protected and how the issuer presents itself. */
@ConfigMapping(prefix = "onemind.credentials")
public interface CredentialConfig {

    /**
     * Encrypts the signing keys' private halves in the database (any long random string; its SHA-256 is the
     * AES key). Production refuses the committed fallback (ONEMIND_CREDENTIALS_KEY_ENCRYPTION_KEY).
     */
    @WithDefault("change-me-in-production")
    String keyEncryptionKey();

    /** The issuer profile's name. */
    @WithDefault("One Mind Campaign")
    String issuerName();

    /** The issuer profile's home page. */
    @WithDefault("https://www.theiacp.org/projects/one-mind-campaign")
    String issuerUrl();

    /** The issuer profile's contact. */
    @WithDefault("onemind@theiacp.org")
    String issuerEmail();
}
