package org.onemind.training.course;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A course of the catalog as the API answers it. */
public record CourseResponse(UUID id, String name, List<String> categories, BigDecimal hours, Integer validityMonths) {
    static CourseResponse of(Course c) {
        return new CourseResponse(c.id, c.name, c.categoryNames(), c.hours, c.validityMonths);
    }
}
