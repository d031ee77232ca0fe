package org.onemind.agency.identity;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

/** Pure logic: which starts refuse the committed fallback secret. */
class FallbackSecretCheckTest {

    @Test
    void aProductionStartRefusesTheFallbackSecretUnlessTheLocalStackAllowsIt() {
        String refusal = FallbackSecretCheck.refusal(LaunchMode.NORMAL, "change-me-in-production", false);
        assertNotNull(refusal);
        assertTrue(refusal.contains("ONEMIND_IDENTITY_CLIENT_SECRET"), refusal);
        assertNotNull(FallbackSecretCheck.refusal(LaunchMode.NORMAL, "", false));
        assertNull(FallbackSecretCheck.refusal(LaunchMode.NORMAL, "s3cr3t-from-the-vault-9f2c", false));
        assertNull(FallbackSecretCheck.refusal(LaunchMode.NORMAL, "change-me-in-production", true));
        assertNull(FallbackSecretCheck.refusal(LaunchMode.TEST, "change-me-in-production", false));
    }

    @Test
    void aProductionStartRefusesTheFallbackKeyEncryptionKey() {
        String refusal = FallbackSecretCheck.keyEncryptionRefusal(LaunchMode.NORMAL, "change-me-in-production", false);
        assertNotNull(refusal);
        assertTrue(refusal.contains("ONEMIND_CREDENTIALS_KEY_ENCRYPTION_KEY"), refusal);
        assertNull(FallbackSecretCheck.keyEncryptionRefusal(LaunchMode.NORMAL, "a7Vq-long-random-4f1e9c", false));
        assertNull(FallbackSecretCheck.keyEncryptionRefusal(LaunchMode.NORMAL, "change-me-in-production", true));
    }
}
