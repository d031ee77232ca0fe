package org.onemind.local;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The product's chain on the real stack: a Keycloak token, certifications recorded through the
 * API, compliance recalculated from Kafka events, and the email in the SMTP server.
 */
class LocalStackIT {
    static LocalStack stack;

    @BeforeAll
    static void startStack() {
        LocalStack.quietInfrastructureLogs();
        Path repository = Path.of(System.getProperty("onemind.repository", "../..")).toAbsolutePath().normalize();
        stack = LocalStack.start(LocalStack.Settings.isolated(repository,
                repository.resolve("deploy/local/target/system-test-data")));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            Map<String, Long> pids = stack.servicePids();
            stack.close();
            pids.forEach((service, pid) -> assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    service + " is left running"));
        }
    }

    static String token(String username, String password) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "one-mind-cli")
                .formParam("username", username)
                .formParam("password", password)
                .post(stack.issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void recordingEnoughCitCertificationsMakesThePracticeMetAndEmailsTheAgency() {
        String admin = token("campaign-admin", "campaign-admin");
        String contact = "chief-" + UUID.randomUUID().toString().substring(0, 8) + "@macon.example";
        String agencyId = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                        {"name": "Macon Police Department", "type": "MUNICIPAL_POLICE", "city": "Macon", "state": "GA",
                         "declaredSworn": 10, "declaredNonSworn": 2,
                         "contacts": [{"name": "Chief Ada Wells", "email": "%s", "role": "Chief"}]}""".formatted(contact))
                .post(stack.url("agency-service") + "/api/v1/agencies")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"pledgedOn\": \"2026-01-15\", \"targetCompletionOn\": \"2027-12-31\", \"signedBy\": \"Chief Ada Wells\"}")
                .put(stack.url("agency-service") + "/api/v1/agencies/{id}/pledge", agencyId)
                .then().statusCode(201);

        // training-service learns of the agency from agency.events; until then the agency is unknown to it.
        String personnel = stack.url("training-service") + "/api/v1/agencies/" + agencyId + "/personnel";
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(admin).get(personnel).statusCode() == 200);
        List<String> officers = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            officers.add(given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"employeeNumber\": \"M-%03d\", \"firstName\": \"Officer\", \"lastName\": \"No%d\", \"sworn\": true}"
                            .formatted(i, i))
                    .post(personnel).then().statusCode(201).extract().path("id"));
        }
        String compliance = stack.url("compliance-service") + "/api/v1/agencies/" + agencyId + "/compliance";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(admin).get(compliance)
                .then().statusCode(200).body("practices.cit.sworn", equalTo(10)).body("practices.cit.required", equalTo(2))
                .body("practices.cit.met", equalTo(false)));

        for (String officer : officers.subList(0, 2)) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                            {"personnelId": "%s", "courseId": "00000000-0000-4000-8000-00000000a002",
                             "completedOn": "2026-03-02", "deliveryMode": "IN_PERSON", "certificateNumber": "CIT-%s"}"""
                            .formatted(officer, officer.substring(0, 6)))
                    .post(stack.url("training-service") + "/api/v1/agencies/{id}/certifications", agencyId)
                    .then().statusCode(201);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(admin).get(compliance)
                .then().statusCode(200).body("practices.cit.met", equalTo(true)).body("practices.cit.swornTrained", equalTo(2)));

        String citMet = "Macon Police Department: Crisis Intervention Team is now met";
        await().atMost(Duration.ofSeconds(60)).until(() -> subjects(contact).contains(citMet));
        JsonPath inbox = new JsonPath(RestAssured.get(stack.mailApi() + "/api/user/" + contact + "/messages/INBOX").asString());
        List<String> subjects = inbox.getList("subject");
        assertEquals(1, subjects.stream().filter(citMet::equals).count(), "one email for the practice that became met");
        assertTrue(subjects.contains("Macon Police Department: your One Mind pledge is received"), subjects.toString());
        String body = inbox.getString("find { it.subject == '" + citMet + "' }.mimeMessage");
        assertTrue(body.contains("2 sworn officers hold a current certification; 2 required"), body);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin)
                .get(stack.url("notification-service") + "/api/v1/agencies/{id}/notifications", agencyId)
                .then().statusCode(200).body("items.status", org.hamcrest.Matchers.everyItem(equalTo("SENT")))
                .body("items.type", org.hamcrest.Matchers.hasItems("PRACTICE_MET", "PLEDGE_RECEIVED"))
                .body("items[0].recipient", equalTo(contact)));
    }

    @Test
    void requestsWithoutAValidTokenAreRefused() {
        given().get(stack.url("agency-service") + "/api/v1/agencies/{id}", UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2("not-a-token").get(stack.url("compliance-service") + "/api/v1/agencies/{id}/compliance",
                UUID.randomUUID()).then().statusCode(401);
        given().get(stack.url("training-service") + "/api/v1/courses").then().statusCode(200);
    }

    static List<String> subjects(String email) {
        var response = RestAssured.get(stack.mailApi() + "/api/user/" + email + "/messages/INBOX");
        return response.statusCode() == 200 ? response.jsonPath().getList("subject") : List.of();
    }
}
