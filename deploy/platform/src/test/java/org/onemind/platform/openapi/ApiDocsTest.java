package org.onemind.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The operationIds a generated client turns into method names. */
class ApiDocsTest {

    @Test
    void anOperationIsNamedByItsMethodAndItsResource() {
        assertEquals("registerAgency", ApiDocs.operationId("AgencyResource_register"));
        assertEquals("revokeCertification", ApiDocs.operationId("CertificationResource_revoke"));
    }

    @Test
    void aListIsNamedInThePlural() {
        assertEquals("listCourses", ApiDocs.operationId("CourseResource_list"));
        assertEquals("listPersonnel", ApiDocs.operationId("PersonnelResource_list"));
    }

    @Test
    void anOperationNamedInItsAnnotationKeepsItsName() {
        assertEquals("getCampaignSummary", ApiDocs.operationId("getCampaignSummary"));
    }
}
