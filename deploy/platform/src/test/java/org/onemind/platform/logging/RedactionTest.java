package org.onemind.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void anSmtpRefusalKeepsItsReasonWithoutTheAddress() {
        assertEquals(
                "550 5.1.1 <address>: mailbox unavailable",
                Redaction.forLog("550 5.1.1 chief.o'brien+cit@riverside-pd.example.org: mailbox unavailable"));
    }

    @Test
    void aDatabaseDetailKeepsTheConstraintWithoutTheValue() {
        assertEquals(
                "Key (email)=(<address>) already exists.",
                Redaction.forLog("Key (email)=(Ada.Wells@springfield.example) already exists."));
    }

    @Test
    void aBearerTokenIsTakenOut() {
        assertEquals(
                "refused Bearer <token> for agency 42",
                Redaction.forLog(
                        "refused Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl for agency 42"));
        assertNull(Redaction.forLog(null));
        assertEquals("no personal data here", Redaction.forLog("no personal data here"));
    }
}
