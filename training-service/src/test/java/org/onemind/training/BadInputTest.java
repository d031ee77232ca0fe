package org.onemind.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.onemind.infra.BadInputSuite;
import org.onemind.infra.DatabaseFingerprint;
import org.onemind.infra.DeadLetterSamples;
import org.onemind.infra.TestTokens;

/** Every operation of training-service's OpenAPI document against a hostile client's corpus. */
@QuarkusTest
class BadInputTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationRefusesMalformedInputCleanlyAndChangesNothing() {
        String agency = Agencies.known();
        String admin = TestTokens.campaignAdmin();
        AgencyResources resources = AgencyResources.of(agency, admin);
        String person = resources.person();
        String certification = resources.certification();
        String request = resources.request();
        String deadLetter = DeadLetterSamples.poison(jdbcUrl, "training-service", "agency-events", "agency.events");

        BadInputSuite.Report report = BadInputSuite.of(base.toString(), "training-service", "access-rules.txt")
                .adminToken(admin)
                .fingerprint(() -> DatabaseFingerprint.of(jdbcUrl))
                .pathValues((operation, name) -> switch (name) {
                    case "agencyId" -> agency;
                    case "personnelId" -> person;
                    case "certificationId" -> certification;
                    case "courseId" -> TrainingApiTest.CIT_COURSE;
                    case "requestId" -> request;
                    case "deadLetterId" -> deadLetter;
                    default -> throw new IllegalStateException("no value for {" + name + "}");
                })
                .example("POST /api/v1/agencies/{agencyId}/personnel", """
                        {"employeeNumber": "N-1", "firstName": "Ana", "lastName": "Lee", "sworn": true, "role": "Officer",
                         "selectedForTraining": false, "hiredOn": "2020-01-02"}""")
                .example("PATCH /api/v1/agencies/{agencyId}/personnel/{personnelId}", """
                        {"firstName": "Rosa", "lastName": "Diaz", "sworn": true, "role": "Sergeant",
                         "selectedForTraining": false, "hiredOn": "2019-03-04"}""")
                .example("POST /api/v1/agencies/{agencyId}/personnel/{personnelId}/separation", """
                        {"separatedOn": "2026-01-05"}""")
                .example("POST /api/v1/agencies/{agencyId}/personnel/import", """
                        employeeNumber,firstName,lastName,sworn,role,selectedForTraining,hiredOn
                        B-1,Ana,Lee,true,Officer,false,2020-01-01
                        """)
                .example(
                        "POST /api/v1/agencies/{agencyId}/certifications",
                        TrainingApiTest.certification(person, TrainingApiTest.MHFA_COURSE, LocalDate.of(2026, 2, 1)))
                .example("POST /api/v1/agencies/{agencyId}/certifications/import", """
                        employeeNumber,certificateNumber,hours
                        M-1,C-77,8
                        """)
                .query(
                        "POST /api/v1/agencies/{agencyId}/certifications/import",
                        "courseId=" + TrainingApiTest.MHFA_COURSE + "&completedOn=2026-02-01&deliveryMode=IN_PERSON")
                .example("POST /api/v1/agencies/{agencyId}/certifications/{certificationId}/revocation", """
                        {"reason": "Recorded for the wrong person"}""")
                .example("POST /api/v1/courses", """
                        {"name": "Crisis basics", "categories": ["MHFA"], "hours": 8, "validityMonths": 36}""")
                .example("PATCH /api/v1/courses/{courseId}", """
                        {"name": "CIT 40-hour", "categories": ["CIT"], "hours": 40, "validityMonths": 36, "noExpiry": false}""")
                .example("POST /api/v1/course-recognition-requests", """
                        {"agencyId": "%s", "name": "Regional course", "provider": "County", "hours": 8,
                         "topics": ["de-escalation"], "requestedCategory": "MHFA"}""".formatted(agency))
                .example("POST /api/v1/course-recognition-requests/{requestId}/decision", """
                        {"decision": "REJECTED", "reason": "Not a crisis course"}""")
                .run();
        assertTrue(report.requests() > 500, "the corpus reached every operation: " + report);
    }
}
