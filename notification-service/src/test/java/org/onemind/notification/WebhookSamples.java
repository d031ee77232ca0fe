package org.onemind.notification;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.onemind.infra.PostgresServer;

/** A webhook subscription and a delivered message of it, for the tests that call every operation. */
final class WebhookSamples {
    private WebhookSamples() {}

    /** A subscription made by the bearer of {@code token} (to a receiver that is never called here). */
    static String subscription(String token) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("""
                        {"url": "http://localhost:9/hooks", "eventTypes": ["pledge.taken"],
                         "contactEmail": "hooks@samples.example"}""")
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("subscription.id");
    }

    /** A delivered message of the subscription, written straight into the service's database. */
    static String delivery(String jdbcUrl, String subscriptionId) {
        String id = UUID.randomUUID().toString();
        try (Connection db = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement insert = db.prepareStatement("insert into webhook_delivery (id, subscription_id,"
                        + " message_key, event_type, agency_id, payload, status, attempts, next_attempt_at, created_at,"
                        + " delivered_at) values (?::uuid, ?::uuid, ?, 'pledge.taken', gen_random_uuid(), '{}',"
                        + " 'DELIVERED', 1, now(), now(), now())")) {
            insert.setString(1, id);
            insert.setString(2, subscriptionId);
            insert.setString(3, id);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }
}
