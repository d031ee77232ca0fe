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

    @Test
    void anExampleIsSetOnItsPropertyAsJsonOrTextAndAnUnknownOneIsReported() {
        org.eclipse.microprofile.openapi.models.media.Schema agency =
                org.eclipse.microprofile.openapi.OASFactory.createSchema()
                        .addProperty("name", org.eclipse.microprofile.openapi.OASFactory.createSchema())
                        .addProperty("declaredSworn", org.eclipse.microprofile.openapi.OASFactory.createSchema())
                        .addProperty("contacts", org.eclipse.microprofile.openapi.OASFactory.createSchema());
        java.util.Map<String, String> examples = new java.util.LinkedHashMap<>();
        examples.put("RegisterAgency.name", "Macon Police Department");
        examples.put("RegisterAgency.declaredSworn", "120");
        examples.put("RegisterAgency.contacts", "[{\"name\": \"Chief Ada Wells\"}]");
        examples.put("RegisterAgency.nmae", "typo");
        examples.put("Missing.name", "x");
        assertEquals(
                java.util.List.of("RegisterAgency.nmae", "Missing.name"),
                Examples.apply(java.util.Map.of("RegisterAgency", agency), examples));
        assertEquals(
                "Macon Police Department", agency.getProperties().get("name").getExample());
        assertEquals(120, agency.getProperties().get("declaredSworn").getExample());
        assertEquals(
                java.util.List.of(java.util.Map.of("name", "Chief Ada Wells")),
                agency.getProperties().get("contacts").getExample());
    }
}
