package org.onemind.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outside the local stack and the tests, a subscriber cannot point the platform into a private network. */
class WebhookTargetsTest {

    @Test
    void privateLoopbackLinkLocalAndMetadataAddressesAreRefused() {
        for (String url : new String[] {
            "https://127.0.0.1/hooks",
            "https://localhost/hooks",
            "https://10.1.2.3/hooks",
            "https://172.16.0.10/hooks",
            "https://192.168.1.20/hooks",
            "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/hooks",
            "https://0.0.0.0/hooks",
            "https://[::1]/hooks",
            "https://[fd00::1]/hooks",
            "https://[fe80::1]/hooks",
            "https://[::ffff:127.0.0.1]/hooks"
        }) {
            assertEquals(
                    Optional.of("resolves to a private, loopback or link-local address"),
                    WebhookTargets.refusal(url, false),
                    url);
        }
    }

    @Test
    void onlyHttpsWithoutCredentialsIsAccepted() {
        assertEquals(
                Optional.of("must be an https:// URL"), WebhookTargets.refusal("http://93.184.215.14/hooks", false));
        assertEquals(Optional.of("must be an https:// URL"), WebhookTargets.refusal("ftp://93.184.215.14/", false));
        assertEquals(
                Optional.of("must not carry a user name or password"),
                WebhookTargets.refusal("https://user:pw@93.184.215.14/hooks", false));
        assertEquals(Optional.empty(), WebhookTargets.refusal("https://93.184.215.14/hooks", false));
        assertEquals(
                Optional.empty(), WebhookTargets.refusal("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/", false));
    }

    @Test
    void theLocalStackAcceptsALaptopReceiver() {
        assertTrue(WebhookTargets.refusal("http://localhost:9000/hooks", true).isEmpty());
        assertEquals(Optional.of("must be an https:// URL"), WebhookTargets.refusal("ftp://localhost/", true));
    }
}
