package org.onemind.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.InjectMailServer;
import org.onemind.infra.MailServer;
import org.onemind.infra.TopicProbe;
import org.onemind.notification.delivery.DeliveryStatus;
import org.onemind.notification.delivery.Notification;
import org.onemind.notification.reminder.DeadlineReminders;

/** The campaign's other emails: pledge, review, expiries, deadlines, preferences and bursts. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "campaign-admin")
class CampaignEmailsTest {
    static final String MANAGED = "6f1d2a4e-dddd-4c4c-9c9c-000000000040";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectMailServer
    MailServer mail;

    @Inject
    DeadlineReminders reminders;

    void send(String topic, String agencyId, String type, String body) {
        new TopicProbe(bootstrapServers).sendEvent(topic, agencyId, type, body);
    }

    /** An agency with two contacts; returns their contact ids (chief first). */
    List<String> agency(String agencyId, String domain) {
        String chief = UUID.randomUUID().toString();
        String coordinator = UUID.randomUUID().toString();
        send("agency.events", agencyId, "onemind.agency.agency-registered.v1", """
                {"agencyId": "%s", "name": "Harbor City Police", "type": "MUNICIPAL_POLICE", "city": "Harbor", "state": "ME",
                 "country": "US", "declaredSworn": 20, "declaredNonSworn": 2,
                 "contacts": [{"contactId": "%s", "name": "Chief Ann Lee", "email": "chief@%s", "role": "Chief"},
                              {"contactId": "%s", "name": "Sgt Bo Kim", "email": "cit@%s", "role": "CIT coordinator"}]}""".formatted(
                        agencyId, chief, domain, coordinator, domain));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> ((Number) Notification.getEntityManager()
                                                .createNativeQuery(
                                                        "select count(*) from recipient where agency_id = ?1")
                                                .setParameter(1, UUID.fromString(agencyId))
                                                .getSingleResult())
                                        .intValue())
                        == 2);
        return List.of(chief, coordinator);
    }

    List<MimeMessage> mailTo(String address) {
        return mail.messages().stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    static String raw(MimeMessage message) {
        try {
            return new String(message.getRawInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text part as the reader sees it (decoded, without the transfer encoding's line breaks). */
    static String plainText(MimeMessage message) throws Exception {
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/plain")) {
                return parts.getBodyPart(i).getContent().toString();
            }
        }
        throw new AssertionError("no text part");
    }

    static String domain() {
        return "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    @Test
    void aPledgeIsAcknowledgedAndAReviewIsReportedWithItsReason() throws Exception {
        String domain = domain();
        String agency = UUID.randomUUID().toString();
        agency(agency, domain);
        send("agency.events", agency, "onemind.agency.pledge-taken.v1", """
                {"agencyId": "%s", "pledgeId": "%s", "pledgedOn": "2026-02-01", "targetCompletionOn": "2028-02-01"}""".formatted(agency, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("chief@" + domain).size() == 1);
        MimeMessage pledge = mailTo("chief@" + domain).get(0);
        assertEquals("Harbor City Police: your One Mind pledge is received", pledge.getSubject());
        assertTrue(raw(pledge).contains("2028-02-01"), "the target date is in the email");
        assertTrue(raw(pledge).contains("Crisis Intervention Team training for at least 20% of sworn officers"));
        assertTrue(
                plainText(pledge).contains("/api/v1/directory/agencies/" + agency + "/badge.svg"),
                "the badge to put on the agency's website");

        send("agency.events", agency, "onemind.agency.completion-reviewed.v1", """
                {"agencyId": "%s", "completionId": "%s", "decision": "REJECTED", "pledgeStatus": "PLEDGED", "reason": "The MOU is not signed", "reviewedOn": "2026-11-01"}""".formatted(
                        agency, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("cit@" + domain).size() == 2);
        assertTrue(raw(mailTo("cit@" + domain).get(1)).contains("The MOU is not signed"));

        send("agency.events", agency, "onemind.agency.completion-reviewed.v1", """
                {"agencyId": "%s", "completionId": "%s", "decision": "VERIFIED", "pledgeStatus": "COMPLETED", "reason": null, "reviewedOn": "2026-11-20"}""".formatted(
                        agency, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("chief@" + domain).size() == 3);
        assertEquals(
                "Congratulations, Harbor City Police: One Mind pledge completed",
                mailTo("chief@" + domain).get(2).getSubject());
        String verified = plainText(mailTo("chief@" + domain).get(2));
        assertTrue(verified.contains("Open Badges 3.0 credential"), verified);
        assertTrue(verified.contains("/api/v1/agencies/" + agency + "/credential"), verified);
        assertTrue(verified.contains("/api/v1/credentials/verification"), verified);
        assertTrue(verified.contains("\"One Mind Campaign — completed 2026\""), verified);

        send("agency.events", agency, "onemind.agency.completion-reviewed.v1", """
                {"agencyId": "%s", "completionId": "%s", "decision": "REVERSED", "pledgeStatus": "PLEDGED", "reason": "The MOU had lapsed", "reviewedOn": "2026-11-25"}""".formatted(
                        agency, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("chief@" + domain).size() == 4);
        MimeMessage reversed = mailTo("chief@" + domain).get(3);
        assertEquals(
                "Harbor City Police: the campaign reversed the verification of your One Mind completion",
                reversed.getSubject());
        assertTrue(plainText(reversed).contains("credential issued for the completion is revoked"));
        assertTrue(plainText(reversed).contains("The MOU had lapsed"));
    }

    @Test
    void expiringCertificationsAreExplainedWithTheirFigures() {
        String domain = domain();
        String agency = UUID.randomUUID().toString();
        agency(agency, domain);
        send("compliance.events", agency, "onemind.compliance.certifications-expiring.v1", """
                {"agencyId": "%s", "practice": "CIT", "count": 3, "earliestExpiry": "2027-01-10", "wouldBecomeUnmetOn": "2027-02-01"}""".formatted(agency));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("chief@" + domain).size() == 1);
        String body = raw(mailTo("chief@" + domain).get(0));
        assertTrue(body.contains("3 Crisis Intervention Team certification(s)"), body);
        assertTrue(body.contains("2027-02-01"));
    }

    @Test
    void aForecastAtRiskIsExplainedWithEachPracticesPaceAndThePaceNeeded() throws Exception {
        String domain = domain();
        String agency = UUID.randomUUID().toString();
        agency(agency, domain);
        send("compliance.events", agency, "onemind.compliance.forecast-at-risk.v1", """
                {"agencyId": "%s", "asOf": "2027-03-01", "targetCompletionOn": "2027-06-30", "windowWeeks": 8,
                 "practices": [
                   {"practice": "MHFA", "status": "AT_RISK", "shortfall": 40, "pacePerWeek": 1.5,
                    "neededPerWeek": 2.5, "projectedOn": "2027-09-06"},
                   {"practice": "POLICY", "status": "NO_PROGRESS", "shortfall": null, "pacePerWeek": null,
                    "neededPerWeek": null, "projectedOn": null}]}""".formatted(agency));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("chief@" + domain).size() == 1);
        MimeMessage email = mailTo("chief@" + domain).get(0);
        String body = plainText(email);
        assertTrue(email.getSubject().contains("will not be complete by 2027-06-30"), email.getSubject());
        assertTrue(
                body.contains("Mental Health First Aid: 40 still to train; 1.5 a week over the last 8 weeks, met on"
                        + " 2027-09-06 at that pace. On pace: 2.5 a week from now"),
                body);
        assertTrue(body.contains("Model policy: not in place yet and nothing recorded to start"), body);
    }

    @Test
    void aContactWhoOptedOutOfAKindDoesNotReceiveIt() {
        String domain = domain();
        String agency = UUID.randomUUID().toString();
        List<String> contacts = agency(agency, domain);
        given().contentType(ContentType.JSON)
                .body("""
                        {"contacts": [{"contactId": "%s", "kinds": ["PRACTICE_UNMET", "DEADLINE_PASSED"]}]}""".formatted(contacts.get(0)))
                .put("/api/v1/agencies/{id}/notification-preferences", agency)
                .then()
                .statusCode(200)
                .body(
                        "find { it.contactId == '%s' }.kinds".formatted(contacts.get(0)),
                        equalTo(List.of("PRACTICE_UNMET", "DEADLINE_PASSED")))
                .body("find { it.contactId == '%s' }.kinds".formatted(contacts.get(1)), hasItem("PRACTICE_MET"));
        given().contentType(ContentType.JSON)
                .body("{\"contacts\": [{\"contactId\": \"%s\", \"kinds\": []}]}".formatted(UUID.randomUUID()))
                .put("/api/v1/agencies/{id}/notification-preferences", agency)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("contacts[0].contactId"));
        given().contentType(ContentType.JSON)
                .body("{\"contacts\": [{\"contactId\": \"%s\", \"kinds\": [\"GOSSIP\"]}]}".formatted(contacts.get(0)))
                .put("/api/v1/agencies/{id}/notification-preferences", agency)
                .then()
                .statusCode(400);

        send(
                "compliance.events",
                agency,
                "onemind.compliance.compliance-evaluated.v1",
                ComplianceEmailTest.evaluated(agency));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("cit@" + domain).size() == 1);
        assertEquals(0, mailTo("chief@" + domain).size(), "the chief chose not to hear about met practices");
    }

    @Test
    void aBurstOfEvaluationsSendsOneEmailForTheOneChange() {
        String domain = domain();
        String agency = UUID.randomUUID().toString();
        agency(agency, domain);
        String quiet = ComplianceEmailTest.evaluated(agency)
                .replace("[{\"practice\": \"CIT\", \"from\": \"UNMET\", \"to\": \"MET\"}]", "[]");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(new TopicProbe(bootstrapServers)
                    .sendEvent(
                            "compliance.events",
                            agency,
                            "onemind.compliance.compliance-evaluated.v1",
                            i == 150 ? ComplianceEmailTest.evaluated(agency) : quiet));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> mailTo("chief@" + domain).size() == 1
                        && mailTo("cit@" + domain).size() == 1);
        // The 150 before the change were consumed before it (one agency, one partition): passed over, not even
        // recorded.
        assertEquals(
                List.of(ids.get(150)),
                QuarkusTransaction.requiringNew()
                        .call(() -> Notification.getEntityManager()
                                .createNativeQuery(
                                        "select event_id from processed_event where consumer = 'notification-service/compliance-events'"
                                                + " and event_id = any(?1)")
                                .setParameter(1, ids.subList(0, 151).toArray(String[]::new))
                                .getResultList()));
        String marker = UUID.randomUUID().toString();
        agency(marker, "marker-" + domain);
        send(
                "compliance.events",
                marker,
                "onemind.compliance.compliance-evaluated.v1",
                ComplianceEmailTest.evaluated(marker));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("chief@marker-" + domain).size() == 1);
        assertEquals(1, mailTo("chief@" + domain).size(), "300 evaluations, one email");
    }

    /** An agency with two contacts that pledged a year before its target date. */
    void pledgedAgency(String agency, String domain, LocalDate target) {
        agency(agency, domain);
        send("agency.events", agency, "onemind.agency.pledge-taken.v1", """
                {"agencyId": "%s", "pledgeId": "%s", "pledgedOn": "%s", "targetCompletionOn": "%s"}""".formatted(
                        agency, UUID.randomUUID(), target.minusMonths(12), target));
    }

    @Test
    void deadlineRemindersGoOutOnceAt90And30DaysAndWhenPassed() {
        String domain = domain();
        String agency = UUID.randomUUID().toString();
        LocalDate target = LocalDate.now().plusDays(80);
        pledgedAgency(agency, domain, target);
        send(
                "compliance.events",
                agency,
                "onemind.compliance.compliance-evaluated.v1",
                ComplianceEmailTest.evaluated(agency)
                        .replace(
                                "\"changes\": [{\"practice\": \"CIT\", \"from\": \"UNMET\", \"to\": \"MET\"}]",
                                "\"changes\": []"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("chief@" + domain).size() == 1); // the pledge acknowledgement
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> Notification.getEntityManager()
                                        .createNativeQuery(
                                                "select unmet from agency_deadline where agency_id = ?1 and unmet is not null")
                                        .setParameter(1, UUID.fromString(agency))
                                        .getResultList()
                                        .size())
                        == 1);

        assertTrue(reminders.remind(LocalDate.now()) >= 2);
        reminders.remind(LocalDate.now());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("chief@" + domain).size() == 2);
        MimeMessage reminder = mailTo("chief@" + domain).get(1);
        assertTrue(raw(reminder).contains("PARTNERSHIP is not met yet"), raw(reminder));
        assertEquals(1, statuses(agency, "DEADLINE_APPROACHING").size() / 2, "once per contact");

        reminders.remind(target.minusDays(20));
        reminders.remind(target.plusDays(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("chief@" + domain).size() == 4);
        assertEquals(2, statuses(agency, "DEADLINE_PASSED").size());
    }

    @Test
    void anAgencyNeverEvaluatedIsRemindedOfAllFourPractices() {
        String domain = domain();
        String agency = UUID.randomUUID().toString();
        LocalDate target = LocalDate.now().plusDays(20);
        pledgedAgency(agency, domain, target);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("chief@" + domain).size() == 1); // the pledge acknowledgement

        reminders.remind(LocalDate.now());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo("chief@" + domain).size() == 2);
        String reminder = raw(mailTo("chief@" + domain).get(1));
        for (String practice : List.of("PARTNERSHIP", "POLICY", "MHFA", "CIT")) {
            assertTrue(reminder.contains(practice + " is not met yet"), reminder);
        }
    }

    List<DeliveryStatus> statuses(String agencyId, String type) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.<Notification>list(
                                "agencyId = ?1 and type = ?2",
                                UUID.fromString(agencyId),
                                org.onemind.notification.delivery.NotificationType.valueOf(type))
                        .stream()
                        .map(n -> n.status)
                        .toList());
    }

    @Test
    @TestSecurity(user = "manager", roles = "agency-manager")
    @OidcSecurity(claims = @Claim(key = "agency_id", value = MANAGED))
    void aManagerSetsOnlyTheirOwnAgencysPreferences() {
        agency(MANAGED, domain());
        String other = UUID.randomUUID().toString();
        agency(other, domain());
        given().get("/api/v1/agencies/{id}/notification-preferences", MANAGED)
                .then()
                .statusCode(200);
        given().get("/api/v1/agencies/{id}/notification-preferences", other)
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"contacts\": []}")
                .put("/api/v1/agencies/{id}/notification-preferences", other)
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_org_id", value = "6f1d2a4e-dddd-4c4c-9c9c-000000000041"))
    void partnersSeeNoNotifications() {
        given().get("/api/v1/agencies/{id}/notifications", MANAGED).then().statusCode(403);
        given().get("/api/v1/agencies/{id}/notification-preferences", MANAGED)
                .then()
                .statusCode(403);
        given().post("/api/v1/notifications/{id}/resend", UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "nobody",
            roles = {})
    void callersWithoutARoleAreRefused() {
        given().get("/api/v1/agencies/{id}/notifications", MANAGED).then().statusCode(403);
    }
}
