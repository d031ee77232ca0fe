package org.onemind.training.course;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.Page;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/courses")
@Tag(name = "Courses")
public class CourseResource {

    public record CourseResponse(UUID id, String name, List<String> categories, BigDecimal hours,
                                 Integer validityMonths) {
    }

    @GET
    @PermitAll
    @Operation(summary = "The course catalog and the practices each course satisfies")
    public Page<CourseResponse> list() {
        List<CourseResponse> items = Course.<Course>listAll(io.quarkus.panache.common.Sort.by("name")).stream()
                .map(c -> new CourseResponse(c.id, c.name, c.categoryNames(), c.hours, c.validityMonths))
                .toList();
        return new Page<>(items, 0, items.size(), items.size());
    }
}
