package org.onemind.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void signaturesMatchThePublishedStandardWebhooksVector() {
        // The Standard Webhooks reference libraries' test vector: a receiver's library verifies what we send.
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void eachSecretIsNewAndInTheStandardForm() {
        String one = WebhookSigner.newSecret();
        assertTrue(one.matches("whsec_[A-Za-z0-9+/]{43}="), one);
        assertNotEquals(one, WebhookSigner.newSecret());
    }
}
