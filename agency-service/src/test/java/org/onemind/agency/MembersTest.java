package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onemind.infra.InjectKeycloak;
import org.onemind.infra.InjectMailServer;
import org.onemind.infra.KeycloakServer;
import org.onemind.infra.MailServer;

/**
 * Inviting and removing agency managers against a real Keycloak: the invited person gets
 * Keycloak's email over the real SMTP server, holds the role and the agency claim once they have
 * set a password, and loses both when removed.
 */
@QuarkusTest
class MembersTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    @InjectMailServer
    MailServer mail;

    Identities identities;
    UUID agency;
    UUID otherAgency;
    String admin;

    @BeforeEach
    void setUp() {
        identities = new Identities(keycloak);
        agency = Fixtures.agency(UUID.randomUUID(), "Members PD", "OH");
        otherAgency = Fixtures.agency(UUID.randomUUID(), "Elsewhere PD", "OH");
        admin = identities.campaignAdmin();
    }

    @AfterEach
    void tearDown() {
        identities.close();
    }

    static String email() {
        return "sergeant-" + UUID.randomUUID().toString().substring(0, 8) + "@macon.example";
    }

    io.restassured.response.Response invite(String token, UUID agencyId, String email) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Dana", "lastName", "Reyes"))
                .post("/api/v1/agencies/{id}/members", agencyId);
    }

    @Test
    void anInvitedPersonIsEmailedByKeycloakAndManagesTheAgencyOnceTheirPasswordIsSet() {
        String email = email();
        String memberId = invite(admin, agency, email)
                .then()
                .statusCode(201)
                .header("Location", containsString("/members/"))
                .body("email", equalTo(email))
                .body("status", equalTo("INVITED"))
                .body("agencyId", equalTo(agency.toString()))
                .extract()
                .path("id");

        MimeMessage invitation = await().until(
                        () -> mail.messages().stream()
                                .filter(m -> recipient(m).equals(email))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
        assertTrue(
                body(invitation).contains("/realms/one-mind/login-actions/action-token"),
                "the invitation carries Keycloak's link to set a password");

        // The person follows the link and sets a password (done here through the admin API).
        var user = identities.realm().users().get(memberId);
        var representation = user.toRepresentation();
        representation.setRequiredActions(List.of());
        representation.setEmailVerified(true);
        user.update(representation);
        user.resetPassword(password());

        String managerToken = identities.passwordToken(email);
        given().auth()
                .oauth2(managerToken)
                .get("/api/v1/agencies/{id}", agency)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(managerToken)
                .get("/api/v1/agencies/{id}", otherAgency)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(managerToken)
                .get("/api/v1/agencies/{id}/members", agency)
                .then()
                .statusCode(200)
                .body("items.email", hasItem(email))
                .body("items.find { it.email == '" + email + "' }.status", equalTo("ACTIVE"));

        // A manager may remove a manager of their own agency; the removed person's new tokens carry nothing.
        String colleague = identities.manager(agency);
        given().auth()
                .oauth2(colleague)
                .delete("/api/v1/agencies/{id}/members/{mid}", agency, memberId)
                .then()
                .statusCode(204);
        // The token they already hold is refused at once, not when it expires.
        given().auth()
                .oauth2(managerToken)
                .get("/api/v1/agencies/{id}", agency)
                .then()
                .statusCode(401)
                .body("detail", org.hamcrest.Matchers.containsString("revoked"));
        // A new one carries no role (403), or is refused as revoked if issued within the second of the removal (401).
        String afterRemoval = identities.passwordToken(email);
        given().auth()
                .oauth2(afterRemoval)
                .get("/api/v1/agencies/{id}", agency)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(403), org.hamcrest.Matchers.is(401)));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/agencies/{id}/members", agency)
                .then()
                .statusCode(200)
                .body("items.email", not(hasItem(email)));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/agencies/{id}/history", agency)
                .then()
                .statusCode(200)
                .body("items.what", hasItem("member removed"));
    }

    @Test
    void invitingSomeoneWhoAlreadyManagesTheAgencyChangesNothing() {
        String email = email();
        invite(admin, agency, email).then().statusCode(201);
        // Keycloak sends the invitation within the admin call, so it has arrived by now.
        assertEquals(1, emailsTo(email));
        invite(admin, agency, email).then().statusCode(200).body("email", equalTo(email));
        assertEquals(1, identities.realm().users().searchByEmail(email, true).size());
        assertEquals(1, emailsTo(email), "no second invitation");
    }

    @Test
    void aPersonManagesOneAgencyAtATime() {
        String email = email();
        invite(admin, agency, email).then().statusCode(201);
        invite(admin, otherAgency, email)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("member-of-another-agency"));
    }

    @Test
    void badInvitationsAreRefusedAndCreateNobody() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "firstName", "A"))
                .post("/api/v1/agencies/{id}/members", agency)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("lastName"));
        assertTrue(
                identities.realm().users().searchByEmail("not-an-email", true).isEmpty());

        invite(admin, UUID.randomUUID(), email()).then().statusCode(404).contentType("application/problem+json");
        String otherManager = identities.manager(otherAgency);
        String email = email();
        invite(otherManager, agency, email).then().statusCode(404);
        assertTrue(identities.realm().users().searchByEmail(email, true).isEmpty());
        given().auth()
                .oauth2(admin)
                .delete("/api/v1/agencies/{id}/members/{mid}", agency, UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(admin)
                .delete("/api/v1/agencies/{id}/members/{mid}", agency, "not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void whenTheInvitationEmailCannotBeSentNoAccountIsLeftBehind() {
        String email = email();
        mail.suspend();
        try {
            invite(admin, agency, email)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", containsString("identity-provider-unavailable"));
        } finally {
            mail.resume();
        }
        assertTrue(identities.realm().users().searchByEmail(email, true).isEmpty());
    }

    static org.keycloak.representations.idm.CredentialRepresentation password() {
        var password = new org.keycloak.representations.idm.CredentialRepresentation();
        password.setType(org.keycloak.representations.idm.CredentialRepresentation.PASSWORD);
        password.setValue(Identities.PASSWORD);
        password.setTemporary(false);
        return password;
    }

    private long emailsTo(String email) {
        return mail.messages().stream().filter(m -> recipient(m).equals(email)).count();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    }
}
