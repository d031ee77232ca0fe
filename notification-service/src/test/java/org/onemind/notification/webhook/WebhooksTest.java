package org.onemind.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.InjectMailServer;
import org.onemind.infra.MailServer;
import org.onemind.infra.TestTokens;
import org.onemind.infra.TopicProbe;

/**
 * Webhooks on real Kafka, PostgreSQL and SMTP, with a receiver on this machine: signed Standard
 * Webhooks messages, once per event whatever the redeliveries, only of the agencies the subscriber may
 * see; retries, then a failing subscription and an email to its owner; replay; secret rotation.
 */
@QuarkusTest
class WebhooksTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectMailServer
    MailServer mail;

    String send(String topic, String agencyId, String type, String body) {
        return new TopicProbe(bootstrapServers).sendEvent(topic, agencyId, type, body);
    }

    String registered(String name) {
        String agencyId = UUID.randomUUID().toString();
        send("agency.events", agencyId, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "%s", "type": "MUNICIPAL_POLICE", "city": "Macon", "state": "GA",
                 "country": "US", "declaredSworn": 10, "declaredNonSworn": 0,
                 "contacts": [{"contactId": "%s", "name": "Chief Ann Lee", "email": "chief@%s.example", "role": "Chief"}]}""".formatted(
                        agencyId, name, UUID.randomUUID(), agencyId));
        // Known here once agency.events is consumed: until then a subscription naming it answers 404.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth()
                                .oauth2(TestTokens.campaignAdmin())
                                .get("/api/v1/agencies/{id}/notifications", agencyId)
                                .statusCode()
                        == 200);
        return agencyId;
    }

    String pledged(String agencyId) {
        return send("agency.events", agencyId, "onemind.agency.pledge-taken.v1", """
                {"agencyId": "%s", "pledgeId": "%s", "pledgedOn": "2026-02-01", "targetCompletionOn": "2028-02-01"}""".formatted(
                        agencyId, UUID.randomUUID()));
    }

    String citMet(String agencyId) {
        return send(
                "compliance.events", agencyId, "onemind.compliance.compliance-evaluated.v1", """
                {"agencyId": "%s", "evaluatedAt": "2026-06-01T10:00:00Z", "asOf": "2026-06-01", "ruleEdition": "2016",
                 "eligible": false,
                 "practices": {"partnership": {"met": false, "activePartnerships": 0},
                               "policy": {"met": false},
                               "mhfa": {"met": false, "sworn": 10, "swornTrained": 3, "selectedNonSworn": 0, "selectedNonSwornTrained": 0},
                               "cit": {"met": true, "sworn": 10, "swornTrained": 2, "required": 2, "nonSwornTrained": 0}},
                 "deadlineStatus": "ON_TRACK", "warnings": [],
                 "changes": [{"practice": "CIT", "from": "UNMET", "to": "MET"}], "eligibleChanged": false,
                 "causationId": "c0ffee00-0000-4000-8000-000000000001"}""".formatted(agencyId));
    }

    JsonPath subscribe(String token, String url, List<String> types, String agencyId) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("url", url);
        body.put("eventTypes", types);
        body.put("contactEmail", "hooks-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example");
        if (agencyId != null) {
            body.put("agencyId", agencyId);
        }
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** The receiver's own check, as a Standard Webhooks library does it. */
    static boolean signedWith(String secret, WebhookReceiver.Message message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal((message.header("webhook-id") + "."
                                        + message.header("webhook-timestamp") + "." + message.body())
                                .getBytes(StandardCharsets.UTF_8)));
        return List.of(message.header("webhook-signature").split(" ")).contains(expected);
    }

    @Test
    void aManagerReceivesSignedMessagesOfItsAgencyOnlyAndEachOnceWhateverTheRedeliveries() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                TopicProbe compliance = new TopicProbe(bootstrapServers, "compliance.events")) {
            String agencyA = registered("Hook PD");
            String agencyB = registered("Other PD");
            JsonPath created = subscribe(
                    TestTokens.manager(UUID.fromString(agencyA)),
                    receiver.url(),
                    List.of("pledge.taken", "compliance.practice-met"),
                    null);
            String secret = created.getString("secret");
            assertEquals(agencyA, created.getString("subscription.agencyId"), "a manager subscribes for their agency");

            pledged(agencyB);
            citMet(agencyB);
            pledged(agencyA);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.of("pledge.taken").size() == 1);
            citMet(agencyA);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.of("compliance.practice-met").size() == 1);
            ConsumerRecord<String, String> evaluation = compliance.records().stream()
                    .filter(r -> agencyA.equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            compliance.resend(evaluation);
            compliance.resend(evaluation);
            // A marker after the redeliveries: when its message is in, the redeliveries were applied (as nothing).
            String marker = registered("Marker PD");
            pledged(marker);
            JsonPath markerSubscription =
                    subscribe(TestTokens.campaignAdmin(), receiver.url(), List.of("pledge.taken"), marker);
            pledged(marker);
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            receiver.messages.stream().anyMatch(m -> m.body().contains(marker)));

            List<WebhookReceiver.Message> ofA = receiver.messages.stream()
                    .filter(m -> m.body().contains(agencyA))
                    .toList();
            assertEquals(2, ofA.size(), "one message per event and subscription: " + ofA);
            assertTrue(receiver.messages.stream().noneMatch(m -> m.body().contains(agencyB)), "nothing of agency B");
            for (WebhookReceiver.Message message : ofA) {
                assertTrue(signedWith(secret, message), "signed with the subscription's secret: " + message);
                long sentAt = Long.parseLong(message.header("webhook-timestamp"));
                assertTrue(Math.abs(Instant.now().getEpochSecond() - sentAt) < 120, "a current timestamp");
                assertEquals("application/json", message.header("Content-Type"));
            }
            JsonPath practiceMet =
                    JsonPath.from(receiver.of("compliance.practice-met").get(0).body());
            assertEquals(agencyA, practiceMet.getString("data.agencyId"));
            assertEquals("CIT", practiceMet.getString("data.practice"));
            assertEquals("Hook PD", practiceMet.getString("data.agencyName"));
            JsonPath pledge = JsonPath.from(receiver.of("pledge.taken").get(0).body());
            assertEquals("2026-02-01", pledge.getString("data.pledgedOn"), "dates as in the API: ISO text");

            // The delivery log names each message by its webhook-id.
            String subscriptionId = created.getString("subscription.id");
            List<String> logged = given().auth()
                    .oauth2(TestTokens.manager(UUID.fromString(agencyA)))
                    .get("/api/v1/webhook-subscriptions/{id}/deliveries", subscriptionId)
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(2))
                    .extract()
                    .path("items.id");
            assertEquals(
                    ofA.stream().map(m -> m.header("webhook-id")).sorted().toList(),
                    logged.stream().sorted().toList());
            assertTrue(markerSubscription.getString("secret").startsWith("whsec_"));
        }
    }

    @Test
    void aFailingEndpointIsRetriedThenMarkedFailingItsOwnerEmailedAndAReplayDeliversTheSameMessage() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.status = 503;
            String agency = registered("Failing PD");
            JsonPath created = subscribe(TestTokens.campaignAdmin(), receiver.url(), List.of("pledge.taken"), agency);
            String subscriptionId = created.getString("subscription.id");
            String owner = created.getString("subscription.contactEmail");
            pledged(agency);

            // The test schedule retries twice: three attempts, each with the same webhook-id.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(TestTokens.campaignAdmin())
                            .get("/api/v1/webhook-subscriptions/{id}", subscriptionId)
                            .then()
                            .body("status", equalTo("FAILING")));
            assertEquals(3, receiver.messages.size());
            assertEquals(
                    1,
                    receiver.messages.stream()
                            .map(m -> m.header("webhook-id"))
                            .distinct()
                            .count());
            JsonPath log = given().auth()
                    .oauth2(TestTokens.campaignAdmin())
                    .get("/api/v1/webhook-subscriptions/{id}/deliveries", subscriptionId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals("FAILED", log.getString("items[0].status"));
            assertEquals(503, log.getInt("items[0].lastStatus"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mail.messages().stream().anyMatch(m -> {
                        try {
                            return m.getAllRecipients()[0].toString().equals(owner)
                                    && m.getSubject().startsWith("One Mind webhooks: deliveries to");
                        } catch (Exception e) {
                            return false;
                        }
                    }));

            receiver.status = 200;
            String deliveryId = log.getString("items[0].id");
            given().auth()
                    .oauth2(TestTokens.campaignAdmin())
                    .post(
                            "/api/v1/webhook-subscriptions/{id}/deliveries/{deliveryId}/replay",
                            subscriptionId,
                            deliveryId)
                    .then()
                    .statusCode(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.messages.size() == 4);
            assertEquals(deliveryId, receiver.messages.get(3).header("webhook-id"), "a replay keeps the webhook-id");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(TestTokens.campaignAdmin())
                            .get("/api/v1/webhook-subscriptions/{id}", subscriptionId)
                            .then()
                            .body("status", equalTo("ACTIVE"))
                            .body("failingSince", org.hamcrest.Matchers.nullValue()));
        }
    }

    @Test
    void afterARotationMessagesAreSignedWithTheNewAndTheOldSecret() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String agency = registered("Rotating PD");
            JsonPath created = subscribe(TestTokens.campaignAdmin(), receiver.url(), List.of("pledge.taken"), agency);
            String subscriptionId = created.getString("subscription.id");
            String rotated = given().auth()
                    .oauth2(TestTokens.campaignAdmin())
                    .post("/api/v1/webhook-subscriptions/{id}/secret-rotation", subscriptionId)
                    .then()
                    .statusCode(200)
                    .body("subscription.previousSecretValidUntil", org.hamcrest.Matchers.notNullValue())
                    .extract()
                    .path("secret");
            pledged(agency);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.messages.size() == 1);
            WebhookReceiver.Message message = receiver.messages.get(0);
            assertTrue(signedWith(rotated, message), "the new secret verifies");
            assertTrue(signedWith(created.getString("secret"), message), "the old one still does, for a while");
        }
    }

    @Test
    void aPartnerReceivesTheEventsOfItsPartnerAgenciesAndNoneOnceThePartnershipEnds() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            UUID organization = UUID.randomUUID();
            String partnered = registered("Partnered PD");
            String other = registered("Unrelated PD");
            String partnership = UUID.randomUUID().toString();
            send("agency.events", partnered, "onemind.agency.partnership-established.v1", """
                    {"agencyId": "%s", "partnershipId": "%s", "organizationId": "%s", "organizationName": "Demo BH",
                     "organizationKind": "MENTAL_HEALTH_PROVIDER", "mouSignedOn": "2026-01-15"}""".formatted(
                            partnered, partnership, organization));
            String token = TestTokens.partner(organization);
            // Its partner agency can be named once the partnership is known here; another agency cannot.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> given().auth()
                                    .oauth2(token)
                                    .contentType("application/json")
                                    .body("""
                                            {"url": "%s", "eventTypes": ["pledge.taken"], "agencyId": "%s",
                                             "contactEmail": "hooks@demo-bh.example"}""".formatted(receiver.url(), partnered))
                                    .post("/api/v1/webhook-subscriptions")
                                    .statusCode()
                            == 201);
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body("""
                            {"url": "%s", "eventTypes": ["pledge.taken"], "agencyId": "%s",
                             "contactEmail": "hooks@demo-bh.example"}""".formatted(receiver.url(), other))
                    .post("/api/v1/webhook-subscriptions")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");

            pledged(other);
            pledged(partnered);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.messages.size() == 1);
            assertTrue(receiver.messages.get(0).body().contains(partnered));

            send("agency.events", partnered, "onemind.agency.partnership-ended.v1", """
                    {"agencyId": "%s", "partnershipId": "%s", "organizationId": "%s", "endedOn": "2026-06-01"}""".formatted(
                            partnered, partnership, organization));
            pledged(partnered);
            // A marker the admin receives after that pledge: the partner's count must still be one.
            String marker = registered("After PD");
            subscribe(TestTokens.campaignAdmin(), receiver.url(), List.of("pledge.taken"), marker);
            pledged(marker);
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            receiver.messages.stream().anyMatch(m -> m.body().contains(marker)));
            assertEquals(
                    1,
                    receiver.messages.stream()
                            .filter(m -> m.body().contains(partnered))
                            .count(),
                    "nothing after the partnership ended");
        }
    }

    @Test
    void aRemovedManagersSubscriptionsStopWithTheirAccess() {
        String agency = registered("Revoking PD");
        String subject = UUID.randomUUID().toString();
        String manager = TestTokens.token("agency-manager", java.util.Map.of("agency_id", agency, "sub", subject));
        String subscriptionId = subscribe(manager, "http://localhost:9/hooks", List.of("pledge.taken"), null)
                .getString("subscription.id");
        send("agency.events", agency, "onemind.agency.access-revoked.v1", """
                {"principal": "user:%s", "revokedAt": "%s", "agencyId": "%s", "organizationId": null}""".formatted(
                        subject, Instant.now(), agency));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.campaignAdmin())
                        .get("/api/v1/webhook-subscriptions/{id}", subscriptionId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("DISABLED")));
    }

    @Test
    void badSubscriptionsAreRefusedWithAProblemAndChangeNothing() {
        String admin = TestTokens.campaignAdmin();
        long before = given().auth()
                .oauth2(admin)
                .get("/api/v1/webhook-subscriptions")
                .then()
                .extract()
                .jsonPath()
                .getLong("total");
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(
                        "{\"url\": \"ftp://partner.example/hooks\", \"eventTypes\": [\"pledge.taken\"], \"contactEmail\": \"a@b.example\"}")
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("url must be an https:// URL"));
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(
                        "{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [\"pledge.eaten\"], \"contactEmail\": \"a@b.example\"}")
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("unknown event types [pledge.eaten]"));
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(
                        "{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [], \"contactEmail\": \"not-an-email\"}")
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertEquals(
                before,
                given().auth()
                        .oauth2(admin)
                        .get("/api/v1/webhook-subscriptions")
                        .then()
                        .extract()
                        .jsonPath()
                        .getLong("total"));
    }
}
