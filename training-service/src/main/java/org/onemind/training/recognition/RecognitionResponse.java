package org.onemind.training.recognition;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.onemind.training.course.Category;

/** A recognition request as the API shows it. */
public record RecognitionResponse(
        UUID id,
        UUID agencyId,
        String name,
        String provider,
        BigDecimal hours,
        List<String> topics,
        Category requestedCategory,
        RecognitionRequest.Status status,
        String decisionReason,
        UUID courseId) {
    static RecognitionResponse of(RecognitionRequest r) {
        return new RecognitionResponse(
                r.id,
                r.agencyId,
                r.name,
                r.provider,
                r.hours,
                Arrays.asList(r.topics.split("\n")),
                r.requestedCategory,
                r.status,
                r.decisionReason,
                r.courseId);
    }
}
