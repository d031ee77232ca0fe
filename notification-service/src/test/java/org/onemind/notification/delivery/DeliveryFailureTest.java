package org.onemind.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the delivery log says when an email was not sent: the reason, never a Java class name. */
class DeliveryFailureTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Test
    void aRefusedConnectionIsSaidSo() {
        RuntimeException failure = new RuntimeException(
                "io.netty.channel.AbstractChannel$AnnotatedConnectException:"
                        + " Connection refused: localhost/127.0.0.1:2525",
                new java.net.ConnectException("Connection refused"));
        assertEquals(
                "the SMTP server could not be reached (connection refused)",
                DeliveryDispatcher.failureOf(failure, TIMEOUT));
    }

    @Test
    void theServersOwnAnswerIsKeptWithoutTheClassThatCarriedIt() {
        RuntimeException failure = new IllegalStateException(
                new RuntimeException("io.vertx.ext.mail.SMTPException: 550 5.1.1 mailbox unavailable"));
        assertEquals("550 5.1.1 mailbox unavailable", DeliveryDispatcher.failureOf(failure, TIMEOUT));
    }

    @Test
    void aServerThatDoesNotAnswerIsNamedWithTheTimeout() {
        assertEquals(
                "the SMTP server did not answer within 15 s",
                DeliveryDispatcher.failureOf(new io.smallrye.mutiny.TimeoutException(), TIMEOUT));
    }
}
