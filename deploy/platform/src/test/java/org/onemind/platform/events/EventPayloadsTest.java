package org.onemind.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.onemind.platform.contract.AgencyTopic;
import org.onemind.platform.contract.TrainingTopic;

/** How a consumer reads an event: strict on what its record needs, tolerant of what it does not know. */
class EventPayloadsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AGENCY = "7a5ce689-9392-4d1a-9d9d-b31588d565e5";

    static CloudEvent event(String type, String data) throws Exception {
        return new CloudEvent("e-1", type, null, null, null, null, JSON.readTree(data.formatted(AGENCY, AGENCY)));
    }

    @Test
    void anEventIsReadAsItsRecord() throws Exception {
        AgencyTopic.PledgeTaken pledge =
                EventPayloads.read(event(AgencyTopic.PLEDGE_TAKEN.name(), """
                        {"agencyId": "%s", "pledgedOn": "2026-01-15", "targetCompletionOn": "2028-01-15"}"""), AgencyTopic.PLEDGE_TAKEN);
        assertEquals(LocalDate.of(2028, 1, 15), pledge.targetCompletionOn());
    }

    @Test
    void aPropertyANewerProducerAddedIsPassedOverAtEveryLevel() throws Exception {
        TrainingTopic.PersonnelImported imported = EventPayloads.read(
                event(TrainingTopic.PERSONNEL_IMPORTED.name(), """
                        {"agencyId": "%s", "source": "hr-sync", "personnel": [{"personnelId": "%s", "sworn": true,
                         "selectedForTraining": false, "hiredOn": null, "badge": "A-12"}]}"""), TrainingTopic.PERSONNEL_IMPORTED);
        assertTrue(imported.personnel().get(0).sworn());
    }

    @Test
    void anEventWithoutARequiredFieldOrWithAFieldOfTheWrongShapeIsRefused() {
        assertThrows(
                UnprocessableEventException.class,
                () -> EventPayloads.read(event(AgencyTopic.PLEDGE_TAKEN.name(), """
                                {"agencyId": "%s", "pledgedOn": "2026-01-15"}"""), AgencyTopic.PLEDGE_TAKEN));
        assertThrows(
                UnprocessableEventException.class,
                () -> EventPayloads.read(
                        event(TrainingTopic.PERSONNEL_SEPARATED.name(), """
                                {"agencyId": "%s", "personnelId": "%s", "separatedOn": "yesterday"}"""), TrainingTopic.PERSONNEL_SEPARATED));
        assertThrows(
                UnprocessableEventException.class,
                () -> EventPayloads.read(
                        event(TrainingTopic.PERSONNEL_SEPARATED.name(), """
                                {"agencyId": "%s", "personnelId": 7, "separatedOn": "2026-01-15"}"""), TrainingTopic.PERSONNEL_SEPARATED));
    }
}
