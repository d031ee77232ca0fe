package org.onemind.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onemind.client.ApiClient;
import org.onemind.client.ApiException;
import org.onemind.client.api.AgenciesApi;
import org.onemind.client.api.CertificationsApi;
import org.onemind.client.api.ComplianceApi;
import org.onemind.client.api.PersonnelApi;
import org.onemind.client.api.PledgesApi;
import org.onemind.client.model.AddPersonnel;
import org.onemind.client.model.AgencyResponse;
import org.onemind.client.model.AgencyType;
import org.onemind.client.model.CertificationResponse;
import org.onemind.client.model.ComplianceResponse;
import org.onemind.client.model.Contact;
import org.onemind.client.model.DeliveryMode;
import org.onemind.client.model.PersonnelResponse;
import org.onemind.client.model.PledgeResponse;
import org.onemind.client.model.PledgeStatus;
import org.onemind.client.model.RecordCertification;
import org.onemind.client.model.RegisterAgency;
import org.onemind.client.model.TakePledge;

/**
 * The product's chain on the real stack: a Keycloak token, certifications recorded through the
 * API, compliance recalculated from Kafka events, and the email in the SMTP server.
 */
class LocalStackIT {
    static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = TestStacks.start("system-test-data");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            Map<String, Long> pids = stack.servicePids();
            stack.close();
            pids.forEach((service, pid) -> assertFalse(
                    ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), service + " is left running"));
        }
    }

    /**
     * The monitoring an ops team installs (deploy/k8s/base/monitoring) reads only metrics the
     * services export: every name in the alerts and the dashboard is found in a real scrape of the
     * four running services (kube-state-metrics' and Prometheus' own series, and recording rules,
     * are not the services'). It also shows each scrape's size.
     */
    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsExportedByTheRunningServices() throws Exception {
        Path monitoring = stack.repository().resolve("deploy/k8s/base/monitoring");
        String queries = java.nio.file.Files.readString(monitoring.resolve("prometheusrule.yaml"))
                + java.nio.file.Files.readString(monitoring.resolve("dashboard.json"));
        java.util.Set<String> used = new java.util.TreeSet<>();
        java.util.regex.Matcher name = java.util.regex.Pattern.compile(
                        "(?<![a-z_:{\"$.])((?:onemind|http_server|kafka|jvm|process)_[a-z0-9_]+)\\b(?!\\s*[(:])")
                .matcher(queries);
        while (name.find()) {
            used.add(name.group(1));
        }
        assertTrue(used.size() >= 15, "the queries name the services' metrics: " + used);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            java.util.Set<String> exported = new java.util.TreeSet<>();
            for (String service :
                    List.of("agency-service", "training-service", "compliance-service", "notification-service")) {
                exported.addAll(
                        org.onemind.infra.PrometheusScrape.names(RestAssured.get(stack.url(service) + "/q/metrics")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()));
            }
            java.util.Set<String> missing = new java.util.TreeSet<>(used);
            missing.removeAll(exported);
            assertTrue(missing.isEmpty(), "the alerts or the dashboard read metrics no service exports: " + missing);
        });
    }

    /**
     * A third party's view: the Java client generated from the platform document, against the one
     * address the gateway gives (routed by the ingress's own rules), does the campaign's basic chain.
     */
    @Test
    void theGeneratedJavaClientRegistersPledgesRecordsAndReadsComplianceThroughOneAddress() throws Exception {
        String admin = stack.demoToken("campaign-admin");
        ApiClient client =
                new ApiClient().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + admin));
        client.updateBaseUri(stack.apiUrl());
        AgencyResponse agency = new AgenciesApi(client)
                .registerAgency(new RegisterAgency()
                        .name("Dublin Police Department")
                        .type(AgencyType.MUNICIPAL_POLICE)
                        .city("Dublin")
                        .state("GA")
                        .declaredSworn(5)
                        .declaredNonSworn(1)
                        .contacts(List.of(new Contact()
                                .name("Chief Ruth Hale")
                                .email("chief-" + UUID.randomUUID().toString().substring(0, 8) + "@dublin.example")
                                .role("Chief"))));
        UUID agencyId = agency.getId();
        // Relative to today: the pledge is on track whatever day the test runs.
        PledgeResponse pledge = new PledgesApi(client)
                .takePledge(
                        agencyId,
                        new TakePledge()
                                .pledgedOn(LocalDate.now().minusDays(7))
                                .targetCompletionOn(LocalDate.now().plusMonths(20))
                                .signedBy("Chief Ruth Hale"));
        assertEquals(PledgeStatus.PLEDGED, pledge.getStatus());

        PersonnelApi personnel = new PersonnelApi(client);
        // training-service learns of the agency from agency.events: until then it answers 404.
        PersonnelResponse officer = await().atMost(Duration.ofSeconds(60))
                .ignoreException(ApiException.class)
                .until(
                        () -> personnel.addPersonnel(
                                agencyId,
                                new AddPersonnel()
                                        .employeeNumber("D-001")
                                        .firstName("Officer")
                                        .lastName("One")
                                        .sworn(true)),
                        added -> added != null);
        CertificationResponse certification = new CertificationsApi(client)
                .recordCertification(
                        agencyId,
                        new RecordCertification()
                                .personnelId(officer.getId())
                                .courseId(UUID.fromString("00000000-0000-4000-8000-00000000a002"))
                                .completedOn(LocalDate.now().minusDays(3))
                                .deliveryMode(DeliveryMode.IN_PERSON)
                                .certificateNumber("CIT-D-001"),
                        "dublin-cit-d-001");
        assertEquals(officer.getId(), certification.getPersonnelId());

        ComplianceApi compliance = new ComplianceApi(client);
        await().atMost(Duration.ofSeconds(60))
                .ignoreException(ApiException.class)
                .untilAsserted(() -> {
                    ComplianceResponse standing = compliance.getCompliance(agencyId, null);
                    assertEquals(1, standing.getPractices().getCit().getSwornTrained());
                    assertEquals(1, standing.getPractices().getCit().getRequired());
                    assertTrue(standing.getPractices().getCit().getMet());
                });

        // The same address serves the document it was generated from, and Swagger UI over it.
        JsonPath document = new JsonPath(RestAssured.get(stack.apiUrl() + "/openapi.json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(stack.apiUrl(), document.getString("servers[0].url"), "Try it out calls this gateway");
        assertTrue(RestAssured.get(stack.apiUrl() + "/docs").asString().contains("/docs/swagger-ui-bundle.js"));
        RestAssured.get(stack.apiUrl() + "/docs/swagger-ui-bundle.js").then().statusCode(200);

        // An error reaches the client as the API's problem, not as a stack trace.
        ApiException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                ApiException.class, () -> new AgenciesApi(client).getAgency(UUID.randomUUID()));
        assertEquals(404, unknown.getCode());
        assertTrue(unknown.getResponseBody().contains("\"status\":404"), unknown.getResponseBody());
    }

    @Test
    void recordingEnoughCitCertificationsMakesThePracticeMetAndEmailsTheAgency() {
        String admin = stack.demoToken("campaign-admin");
        String contact = "chief-" + UUID.randomUUID().toString().substring(0, 8) + "@macon.example";
        String agencyId = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Macon Police Department", "type": "MUNICIPAL_POLICE", "city": "Macon", "state": "GA",
                         "declaredSworn": 10, "declaredNonSworn": 2,
                         "contacts": [{"name": "Chief Ada Wells", "email": "%s", "role": "Chief"}]}""".formatted(contact))
                .post(stack.url("agency-service") + "/api/v1/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                // Relative to today: the pledge is on track whatever day the test runs.
                .body("{\"pledgedOn\": \"%s\", \"targetCompletionOn\": \"%s\", \"signedBy\": \"Chief Ada Wells\"}"
                        .formatted(
                                java.time.LocalDate.now().minusDays(14),
                                java.time.LocalDate.now().plusMonths(23)))
                .put(stack.url("agency-service") + "/api/v1/agencies/{id}/pledge", agencyId)
                .then()
                .statusCode(201);

        // training-service learns of the agency from agency.events; until then the agency is unknown to it.
        String personnel = stack.url("training-service") + "/api/v1/agencies/" + agencyId + "/personnel";
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth().oauth2(admin).get(personnel).statusCode() == 200);
        List<String> officers = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            officers.add(given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(
                            "{\"employeeNumber\": \"M-%03d\", \"firstName\": \"Officer\", \"lastName\": \"No%d\", \"sworn\": true}"
                                    .formatted(i, i))
                    .post(personnel)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        String compliance = stack.url("compliance-service") + "/api/v1/agencies/" + agencyId + "/compliance";
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(admin)
                        .get(compliance)
                        .then()
                        .statusCode(200)
                        .body("practices.cit.sworn", equalTo(10))
                        .body("practices.cit.required", equalTo(2))
                        .body("practices.cit.met", equalTo(false)));

        // The second certification makes CIT met; it is sent in a trace of the caller's, which the
        // email must carry: one trace from training-service through compliance-service to the email.
        String trace = UUID.randomUUID().toString().replace("-", "");
        for (String officer : officers.subList(0, 2)) {
            boolean second = officer.equals(officers.get(1));
            if (second) {
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> given().auth()
                                .oauth2(admin)
                                .get(compliance)
                                .then()
                                .body("practices.cit.swornTrained", equalTo(1)));
            }
            io.restassured.specification.RequestSpecification request =
                    given().auth().oauth2(admin).contentType(ContentType.JSON);
            if (second) {
                request.header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01");
            }
            request.body("""
                            {"personnelId": "%s", "courseId": "00000000-0000-4000-8000-00000000a002",
                             "completedOn": "2026-03-02", "deliveryMode": "IN_PERSON", "certificateNumber": "CIT-%s"}""".formatted(officer, officer.substring(0, 6)))
                    .post(stack.url("training-service") + "/api/v1/agencies/{id}/certifications", agencyId)
                    .then()
                    .statusCode(201);
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(admin)
                        .get(compliance)
                        .then()
                        .statusCode(200)
                        .body("practices.cit.met", equalTo(true))
                        .body("practices.cit.swornTrained", equalTo(2)));

        String citMet = "Macon Police Department: Crisis Intervention Team is now met";
        await().atMost(Duration.ofSeconds(60)).until(() -> subjects(contact).contains(citMet));
        // One email, counted over a quiet period: a duplicate would arrive within it.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(15))
                .until(() -> subjects(contact).stream().filter(citMet::equals).count() == 1);
        JsonPath inbox = new JsonPath(RestAssured.get(stack.mailApi() + "/api/user/" + contact + "/messages/INBOX")
                .asString());
        List<String> subjects = inbox.getList("subject");
        assertEquals(1, subjects.stream().filter(citMet::equals).count(), "one email for the practice that became met");
        assertTrue(subjects.contains("Macon Police Department: your One Mind pledge is received"), subjects.toString());
        String body = inbox.getString("find { it.subject == '" + citMet + "' }.mimeMessage");
        assertTrue(body.contains("2 sworn officers hold a current certification; 2 required"), body);
        assertTrue(
                body.contains("traceparent: 00-" + trace + "-"),
                "the email is in the trace of the request that recorded the certification");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(admin)
                        .get(stack.url("notification-service") + "/api/v1/agencies/{id}/notifications", agencyId)
                        .then()
                        .statusCode(200)
                        .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("SENT")))
                        .body("items.type", org.hamcrest.Matchers.hasItems("PRACTICE_MET", "PLEDGE_RECEIVED"))
                        .body("items[0].recipient", equalTo(contact)));
    }

    @Test
    void requestsWithoutAValidTokenAreRefused() {
        given().get(stack.url("agency-service") + "/api/v1/agencies/{id}", UUID.randomUUID())
                .then()
                .statusCode(401);
        given().auth()
                .oauth2("not-a-token")
                .get(stack.url("compliance-service") + "/api/v1/agencies/{id}/compliance", UUID.randomUUID())
                .then()
                .statusCode(401);
        given().get(stack.url("training-service") + "/api/v1/courses").then().statusCode(200);
    }

    @Test
    void aPartnerRecordsAClassRosterForItsPartneredAgencyWithItsOwnCredentials() {
        var demo = stack.demo();
        String training = stack.url("training-service");
        String manager = stack.demoToken("agency-manager");
        String employeeNumber = "P-" + UUID.randomUUID().toString().substring(0, 6);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(manager)
                                .get(training + "/api/v1/agencies/{id}/personnel", demo.managedAgencyId())
                                .statusCode()
                        == 200);
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of("employeeNumber", employeeNumber, "firstName", "Ana", "lastName", "Ruiz", "sworn", true))
                .post(training + "/api/v1/agencies/{id}/personnel", demo.managedAgencyId())
                .then()
                .statusCode(201);

        // What the README tells partners to do: a client-credentials token, then the class roster as CSV.
        String partner = partnerToken(demo.partner().clientId(), demo.partner().clientSecret());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(partner)
                        .contentType("text/csv")
                        .body("employeeNumber\n" + employeeNumber + "\n")
                        .queryParam("courseId", CIT_COURSE)
                        .queryParam("completedOn", "2026-03-02")
                        .queryParam("deliveryMode", "IN_PERSON")
                        .post(training + "/api/v1/agencies/{id}/certifications/import", demo.managedAgencyId())
                        .then()
                        .statusCode(200)
                        .body("recorded", equalTo(1)));
        given().auth()
                .oauth2(partner)
                .contentType("text/csv")
                .body("employeeNumber\n" + employeeNumber + "\n")
                .queryParam("courseId", CIT_COURSE)
                .queryParam("completedOn", "2026-03-02")
                .post(training + "/api/v1/agencies/{id}/certifications/import", UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(partner)
                .get(training + "/api/v1/agencies/{id}/personnel", demo.managedAgencyId())
                .then()
                .statusCode(403);
    }

    @Test
    void theTenantIsolationMatrixHoldsWithRealKeycloakTokens() throws Exception {
        var demo = stack.demo();
        String training = stack.url("training-service");
        String admin = stack.demoToken("campaign-admin");
        String manager = stack.demoToken("agency-manager");
        String agencyA = demo.managedAgencyId().toString();

        // B: another seed agency, with a manager of its own; a partner organization with no partnership.
        String agencyB = given()
                .auth()
                .oauth2(admin)
                .queryParam("size", 50)
                .get(stack.url("agency-service") + "/api/v1/agencies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class)
                .stream()
                .filter(id -> !id.equals(agencyA))
                .findFirst()
                .orElseThrow();
        String managerOfB = "manager-b-" + UUID.randomUUID().toString().substring(0, 6);
        stack.demoUser(managerOfB, "agency-manager", Map.of("agency_id", List.of(agencyB)));
        String lonelyProvider = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Provider without partners " + UUID.randomUUID(), "kind", "MENTAL_HEALTH_PROVIDER"))
                .post(stack.url("agency-service") + "/api/v1/organizations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var lonelyClient = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "matrix"))
                .post(stack.url("agency-service") + "/api/v1/organizations/{oid}/api-clients", lonelyProvider)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(manager)
                                .get(training + "/api/v1/agencies/{id}/personnel", agencyA)
                                .statusCode()
                        == 200);
        String person = given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "employeeNumber",
                        "M-" + UUID.randomUUID().toString().substring(0, 6),
                        "firstName",
                        "Lee",
                        "lastName",
                        "Park",
                        "sworn",
                        true))
                .post(training + "/api/v1/agencies/{id}/personnel", agencyA)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String certification = given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "personnelId",
                        person,
                        "courseId",
                        CIT_COURSE,
                        "completedOn",
                        "2026-02-01",
                        "deliveryMode",
                        "IN_PERSON"))
                .post(training + "/api/v1/agencies/{id}/certifications", agencyA)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String request = given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "agencyId",
                        agencyA,
                        "name",
                        "County crisis course",
                        "hours",
                        8,
                        "topics",
                        List.of("de-escalation"),
                        "requestedCategory",
                        "MHFA"))
                .post(training + "/api/v1/course-recognition-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Path rules = stack.repository().resolve("training-service/src/test/resources/access-rules.txt");
        try (var in = java.nio.file.Files.newInputStream(rules)) {
            var outcomes = org.onemind.infra.AccessMatrix.of(training, in)
                    .token(org.onemind.infra.AccessMatrix.Caller.CAMPAIGN_ADMIN, admin)
                    .token(org.onemind.infra.AccessMatrix.Caller.MANAGER_OF_A, manager)
                    .token(org.onemind.infra.AccessMatrix.Caller.MANAGER_OF_B, stack.demoToken(managerOfB))
                    .token(
                            org.onemind.infra.AccessMatrix.Caller.PARTNER_OF_A,
                            partnerToken(
                                    demo.partner().clientId(), demo.partner().clientSecret()))
                    .token(
                            org.onemind.infra.AccessMatrix.Caller.PARTNER_OF_NOBODY,
                            partnerToken(lonelyClient.getString("clientId"), lonelyClient.getString("clientSecret")))
                    .pathValues((operation, name) -> switch (name) {
                        case "agencyId" -> agencyA;
                        case "personnelId" -> person;
                        case "certificationId" -> certification;
                        case "courseId" -> CIT_COURSE;
                        case "requestId" -> request;
                        case "deadLetterId" ->
                            org.onemind.infra.DeadLetterSamples.poison(
                                    stack.jdbcUrl("training"), "training-service", "agency-events", "agency.events");
                        default -> throw new IllegalStateException("no value for {" + name + "}");
                    })
                    .verify();
            assertFalse(outcomes.isEmpty());
        }
    }

    static final String CIT_COURSE = "00000000-0000-4000-8000-00000000a002";

    static String partnerToken(String clientId, String secret) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(stack.issuer() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    static List<String> subjects(String email) {
        var response = RestAssured.get(stack.mailApi() + "/api/user/" + email + "/messages/INBOX");
        return response.statusCode() == 200 ? response.jsonPath().getList("subject") : List.of();
    }
}
