package org.onemind.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TestTokens;

/**
 * A token is verified once and then recognised (platform VerifiedTokens), but recognising it never
 * lets through what verifying it would refuse: the same token altered, or the token after its expiry.
 */
@QuarkusTest
class VerifiedTokensTest {
    static final String SUMMARY = "/api/v1/compliance/summary";

    @Test
    void aTokenSeenBeforeIsRefusedOnceExpiredAndAlteredCopiesAreRefused() {
        String token = TestTokens.lasting("campaign-admin", Duration.ofSeconds(4));
        long expiresAt = Long.parseLong(TestTokens.claim(token, "exp"));
        given().auth().oauth2(token).get(SUMMARY).then().statusCode(200);
        given().auth().oauth2(token).get(SUMMARY).then().statusCode(200);

        given().auth()
                .oauth2(TestTokens.withTamperedSignature(token))
                .get(SUMMARY)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.withPayloadEdited(token, "campaign-admin-test", "campaign-admin-tesT"))
                .get(SUMMARY)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.withNoneAlgorithm(token))
                .get(SUMMARY)
                .then()
                .statusCode(401);

        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().getEpochSecond() > expiresAt + 1);
        given().auth().oauth2(token).get(SUMMARY).then().statusCode(401);
    }
}
