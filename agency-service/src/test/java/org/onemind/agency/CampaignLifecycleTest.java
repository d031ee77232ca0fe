package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.TopicProbe;

/** An agency from registration to verified completion, as a campaign admin drives it. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "campaign-admin")
class CampaignLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static String provider(String name) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\": \"%s\", \"kind\": \"MENTAL_HEALTH_PROVIDER\", \"city\": \"Macon\", \"state\": \"GA\"}"
                        .formatted(name))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void organizationsAreListedPubliclyByKindWithTheSeededSupporters() {
        given().queryParam("kind", "SUPPORTING_ORGANIZATION")
                .get("/api/v1/organizations")
                .then()
                .statusCode(200)
                .body(
                        "items.name",
                        hasItems(
                                "911 Sane Jane, Inc.",
                                "The California Police Activities League",
                                "Massachusetts Constable's Office"))
                .body("items.kind", not(hasItem("MENTAL_HEALTH_PROVIDER")));
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"X\", \"kind\": \"HOSPITAL\"}")
                .post("/api/v1/organizations")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("kind"));
        given().queryParam("kind", "HOSPITAL")
                .get("/api/v1/organizations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", containsString("MENTAL_HEALTH_PROVIDER"));
    }

    @Test
    void anAgencyIsSearchedAndUpdatedWithOptimisticConcurrency() {
        String id = AgencyApiTest.register("Fairview Police Department");
        given().queryParam("q", "fairview")
                .queryParam("state", "il")
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().queryParam("status", "NOT_PLEDGED")
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().queryParam("status", "SLEEPING")
                .get("/api/v1/agencies")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"));

        String etag = given().get("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .body("{\"declaredSworn\": 55}")
                .patch("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        String newEtag = given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"declaredSworn\": 55, \"city\": \"Fairview\"}")
                .patch("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(200)
                .body("declaredSworn", equalTo(55))
                .body("city", equalTo("Fairview"))
                .body("name", equalTo("Fairview Police Department"))
                .extract()
                .header("ETag");
        assertTrue(!newEtag.equals(etag), "the ETag changes with the agency");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"declaredSworn\": 60}")
                .patch("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .header("If-Match", newEtag)
                .body("{\"state\": \"XX\"}")
                .patch("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("state"));
        given().get("/api/v1/agencies/{id}", id)
                .then()
                .body("declaredSworn", equalTo(55))
                .header("ETag", equalTo(newEtag));

        given().get("/api/v1/agencies/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items[0].what", equalTo("agency.updated"))
                .body("items[0].by", equalTo("admin"))
                .body("items[0].before.declaredSworn", equalTo(42))
                .body("items[0].after.declaredSworn", equalTo(55))
                .body("items[1].what", equalTo("agency.registered"));
    }

    @Test
    void partnershipsAreWithMentalHealthProvidersOnlyAndCanEnd() {
        String id = AgencyApiTest.register("Lakeside Police Department");
        String supporter = "00000000-0000-4000-8000-0000000b0001";
        given().contentType(ContentType.JSON)
                .body("{\"organizationId\": \"%s\", \"mouSignedOn\": \"2025-10-01\"}".formatted(supporter))
                .post("/api/v1/agencies/{id}/partnerships", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("organizationId"))
                .body("detail", containsString("mental-health provider"));
        given().contentType(ContentType.JSON)
                .body("{\"organizationId\": \"%s\", \"mouSignedOn\": \"01/10/2025\"}".formatted(supporter))
                .post("/api/v1/agencies/{id}/partnerships", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("mouSignedOn"));
        given().get("/api/v1/agencies/{id}/partnerships", id).then().body("items", hasSize(0));

        String provider = provider("Lakeside Behavioral Health");
        String partnership = given().contentType(ContentType.JSON)
                .body(
                        "{\"organizationId\": \"%s\", \"mouSignedOn\": \"2025-10-01\", \"description\": \"Co-responder program\"}"
                                .formatted(provider))
                .post("/api/v1/agencies/{id}/partnerships", id)
                .then()
                .statusCode(201)
                .body("organizationName", equalTo("Lakeside Behavioral Health"))
                .body("active", equalTo(true))
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"endedOn\": \"2026-05-01\", \"reason\": \"Provider closed\"}")
                .post("/api/v1/agencies/{id}/partnerships/{pid}/end", id, partnership)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("endedOn", equalTo("2026-05-01"));
        given().contentType(ContentType.JSON)
                .body("{\"endedOn\": \"2026-05-02\", \"reason\": \"again\"}")
                .post("/api/v1/agencies/{id}/partnerships/{pid}/end", id, partnership)
                .then()
                .statusCode(409);
    }

    @Test
    void thePolicyRecordsWhichModelPolicyComponentsItCovers() {
        String id = AgencyApiTest.register("Hillside Police Department");
        given().get("/api/v1/policy-components").then().statusCode(200).body("code", hasItem("DE_ESCALATION"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"title\": \"Response to Persons in Crisis\", \"adoptedOn\": \"2026-02-01\", \"components\": [\"DE_ESCALATION\", \"YOGA\"]}")
                .put("/api/v1/agencies/{id}/policy", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("components[1]"));
        given().get("/api/v1/agencies/{id}/policy", id).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(
                        "{\"title\": \"Response to Persons in Crisis\", \"adoptedOn\": \"2026-02-01\", \"components\": [\"DE_ESCALATION\", \"TRAINING\"]}")
                .put("/api/v1/agencies/{id}/policy", id)
                .then()
                .statusCode(200)
                .body("components", hasItems("DE_ESCALATION", "TRAINING"))
                .body("notCovered", hasItem("TRANSPORTATION"));
    }

    @Test
    void aPledgeCanBeWithdrawnWithAReasonAndTakenAgain() {
        String id = AgencyApiTest.register("Riverbend Police Department");
        given().contentType(ContentType.JSON)
                .body(AgencyApiTest.pledge(LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 5)))
                .put("/api/v1/agencies/{id}/pledge", id)
                .then()
                .statusCode(201)
                .body("deadlineStatus", notNullValue());
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/agencies/{id}/pledge/withdrawal", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"New chief wants to restart\"}")
                .post("/api/v1/agencies/{id}/pledge/withdrawal", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawalReason", equalTo("New chief wants to restart"));
        // A withdrawn pledge still reads, as WITHDRAWN, until a new one is taken.
        given().get("/api/v1/agencies/{id}/pledge", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawalReason", equalTo("New chief wants to restart"));
        given().contentType(ContentType.JSON)
                .body(AgencyApiTest.pledge(LocalDate.of(2026, 3, 1), LocalDate.of(2028, 3, 1)))
                .put("/api/v1/agencies/{id}/pledge", id)
                .then()
                .statusCode(201)
                .body("status", equalTo("PLEDGED"));
        given().get("/api/v1/agencies/{id}/pledge", id).then().statusCode(200).body("status", equalTo("PLEDGED"));
        given().get("/api/v1/agencies/{id}/history", id)
                .then()
                .body("items.what", hasItems("pledge.taken", "pledge.withdrawn"));
    }

    @jakarta.inject.Inject
    org.onemind.agency.pledge.PledgeService pledges;

    @Test
    void deadlineStatusFollowsTheCalendarOnEveryChangeAndInTheDailyRefresh() {
        String dueSoon = AgencyApiTest.register("Brookside Police Department");
        LocalDate pledgedOn = LocalDate.now().minusMonths(11);
        given().contentType(ContentType.JSON)
                .body(AgencyApiTest.pledge(pledgedOn, pledgedOn.plusMonths(12)))
                .put("/api/v1/agencies/{id}/pledge", dueSoon)
                .then()
                .statusCode(201)
                .body("deadlineStatus", equalTo("DUE_SOON"));

        // A pledge stored ON_TRACK whose target has since passed: the daily refresh makes it OVERDUE.
        UUID overdue = Fixtures.agency(UUID.randomUUID(), "Oldtown Police Department", "OH");
        Fixtures.pledge(overdue, LocalDate.now().minusMonths(25));
        given().get("/api/v1/agencies/{id}/pledge", overdue).then().body("deadlineStatus", equalTo("ON_TRACK"));
        assertTrue(pledges.refreshAllDeadlineStatuses() >= 1);
        given().get("/api/v1/agencies/{id}/pledge", overdue).then().body("deadlineStatus", equalTo("OVERDUE"));
        given().get("/api/v1/agencies/{id}/history", overdue)
                .then()
                .body("items[0].what", equalTo("pledge.deadline-status"))
                .body("items[0].after.deadlineStatus", equalTo("OVERDUE"));
    }

    @Test
    void completionIsRefusedUntilEligibleThenSubmittedVerifiedAndListed() throws Exception {
        String name =
                "Northgate Police Department " + UUID.randomUUID().toString().substring(0, 6);
        String id = AgencyApiTest.register(name);
        given().contentType(ContentType.JSON)
                .body(AgencyApiTest.pledge(LocalDate.of(2025, 6, 1), LocalDate.of(2027, 6, 1)))
                .put("/api/v1/agencies/{id}/pledge", id)
                .then()
                .statusCode(201);
        String submit = "{\"signerName\": \"Ada Wells\", \"signerRank\": \"Chief of Police\"}";

        given().contentType(ContentType.JSON)
                .body(submit)
                .post("/api/v1/agencies/{id}/completion", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("unmetPractices", hasSize(4));
        Fixtures.complianceSays(UUID.fromString(id), false, false);
        given().contentType(ContentType.JSON)
                .body(submit)
                .post("/api/v1/agencies/{id}/completion", id)
                .then()
                .statusCode(409)
                .body("unmetPractices.practice", equalTo(java.util.List.of("PARTNERSHIP")))
                .body("unmetPractices[0].reason", equalTo("no active partnership with a mental health provider"));
        given().accept("text/markdown")
                .get("/api/v1/agencies/{id}/completion/letter", id)
                .then()
                .statusCode(409);

        String provider = provider("Northgate Counseling Center");
        given().contentType(ContentType.JSON)
                .body("{\"organizationId\": \"%s\", \"mouSignedOn\": \"2025-11-20\"}".formatted(provider))
                .post("/api/v1/agencies/{id}/partnerships", id)
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(
                        "{\"title\": \"Responding to Persons Affected by Mental Illness\", \"adoptedOn\": \"2026-01-15\", \"components\": [\"DE_ESCALATION\"]}")
                .put("/api/v1/agencies/{id}/policy", id)
                .then()
                .statusCode(200);
        Fixtures.complianceSays(UUID.fromString(id), true, true);

        String letter = given().accept("text/markdown")
                .get("/api/v1/agencies/{id}/completion/letter", id)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/markdown"))
                .extract()
                .asString();
        assertTrue(letter.contains(name), letter);
        assertTrue(
                letter.contains("Northgate Counseling Center (memorandum of understanding signed November 20, 2025)"),
                letter);
        assertTrue(letter.contains("\"Responding to Persons Affected by Mental Illness\" on January 15, 2026"), letter);
        assertTrue(letter.contains("45 of 45 sworn officers and selected non-sworn staff"), letter);
        assertTrue(letter.contains("an Open Badges 3.0 credential, \"One Mind Campaign completion\""), letter);
        assertTrue(letter.contains("/api/v1/directory/agencies/" + id + "/badge.svg"), letter);
        assertTrue(
                letter.contains("9 sworn officers hold a current Crisis Intervention Team certification; 9"), letter);
        byte[] pdf = given().accept("application/pdf")
                .get("/api/v1/agencies/{id}/completion/letter", id)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"), "a real PDF");
        String printed = pdfText(pdf);
        assertTrue(
                printed.contains("Northgate Counseling Center (memorandum of understanding signed November 20, 2025)"),
                "the PDF says what the Markdown says: " + printed);
        assertTrue(printed.contains("45 of 45 sworn officers and selected non-sworn staff"), printed);

        try (TopicProbe probe = new TopicProbe(bootstrapServers, "agency.events")) {
            given().contentType(ContentType.JSON)
                    .body(submit)
                    .post("/api/v1/agencies/{id}/completion", id)
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("SUBMITTED"));
            given().get("/api/v1/agencies/{id}/pledge", id).then().body("status", equalTo("COMPLETION_SUBMITTED"));
            given().contentType(ContentType.JSON)
                    .body(submit)
                    .post("/api/v1/agencies/{id}/completion", id)
                    .then()
                    .statusCode(409);
            given().contentType(ContentType.JSON)
                    .body("{\"decision\": \"REJECTED\"}")
                    .post("/api/v1/agencies/{id}/completion/review", id)
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", equalTo("reason"));
            given().contentType(ContentType.JSON)
                    .body("{\"decision\": \"VERIFIED\", \"reason\": \"All evidence checked\"}")
                    .post("/api/v1/agencies/{id}/completion/review", id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("VERIFIED"));
            given().get("/api/v1/agencies/{id}/pledge", id)
                    .then()
                    .body("status", equalTo("COMPLETED"))
                    .body("deadlineStatus", equalTo("COMPLETED"))
                    .body("completedOn", equalTo(LocalDate.now().toString()));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsOfType("onemind.agency.completion-reviewed.v1").stream()
                            .anyMatch(r -> id.equals(r.key()) && r.value().contains("\"decision\":\"VERIFIED\"")));
            assertTrue(probe.recordsOfType("onemind.agency.completion-submitted.v1").stream()
                    .anyMatch(r -> id.equals(r.key())));
            assertTrue(probe.recordsOfType("onemind.agency.policy-adopted.v1").stream()
                    .anyMatch(r -> id.equals(r.key())));
            assertTrue(probe.recordsOfType("onemind.agency.partnership-established.v1").stream()
                    .anyMatch(r -> id.equals(r.key())
                            && r.value().contains("\"organizationKind\":\"MENTAL_HEALTH_PROVIDER\"")));
        }

        given().queryParam("kind", "COMPLETED")
                .get("/api/v1/directory/recent")
                .then()
                .statusCode(200)
                .body("name", hasItem(name));
    }

    /** The text of every page of a PDF, whitespace folded (lines wrap where the page ends). */
    static String pdfText(byte[] pdf) {
        try {
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
            com.lowagie.text.pdf.parser.PdfTextExtractor extractor =
                    new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append(' ');
            }
            return text.toString().replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
