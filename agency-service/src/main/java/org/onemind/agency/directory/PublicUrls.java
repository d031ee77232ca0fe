package org.onemind.agency.directory;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The addresses the public reaches: a listed agency's entry and badge, the credentials' issuer, keys and
 * status. They go into badges and signed credentials, so they are absolute, on the API's public host.
 */
@ApplicationScoped
public class PublicUrls {
    private final String base;

    public PublicUrls(@ConfigProperty(name = "onemind.openapi.server-url") String serverUrl) {
        this.base = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    }

    public String directoryEntry(UUID agencyId) {
        return base + "/api/v1/directory/agencies/" + agencyId;
    }

    public String badge(UUID agencyId) {
        return directoryEntry(agencyId) + "/badge.svg";
    }

    public String issuer() {
        return base + "/api/v1/credentials/issuer";
    }

    public String achievement() {
        return base + "/api/v1/credentials/achievements/one-mind-campaign-completion";
    }

    public String jwks() {
        return base + "/api/v1/credentials/jwks";
    }

    public String key(String kid) {
        return base + "/api/v1/credentials/keys/" + kid;
    }

    public String revocations() {
        return base + "/api/v1/credentials/revocations";
    }

    public String verification() {
        return base + "/api/v1/credentials/verification";
    }
}
