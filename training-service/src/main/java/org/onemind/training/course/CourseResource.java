package org.onemind.training.course;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.security.Roles;
import org.onemind.training.course.CourseRequests.ChangeCourse;
import org.onemind.training.course.CourseRequests.CreateCourse;

@Path("/api/v1/courses")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Courses", description = "The catalog of courses whose completion counts as MHFA or CIT training")
public class CourseResource {

    @Inject
    CourseService courses;

    @GET
    @PermitAll
    @Operation(summary = "The course catalog and the practices each course satisfies (public)")
    public ListPage<CourseResponse> list() {
        List<CourseResponse> items =
                courses.catalog().stream().map(CourseResponse::of).toList();
        return new ListPage<>(items, 0, items.size(), items.size());
    }

    @POST
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(summary = "Add a course to the catalog")
    @APIResponse(
            responseCode = "201",
            description = "The course is in the catalog",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CourseResponse.class)),
            headers = {@Header(name = "Location", description = "Where the new resource is")})
    @APIResponse(responseCode = "409", description = "A course of that name is in the catalog already")
    public Response create(@Valid @NotNull CreateCourse request, @Context UriInfo uri) {
        Course course = courses.create(request.name(), request.categories(), request.hours(), request.validityMonths());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(course.id.toString()).build())
                .entity(CourseResponse.of(course))
                .build();
    }

    @PATCH
    @Path("/{courseId}")
    @RolesAllowed(Roles.CAMPAIGN_ADMIN)
    @Operation(
            summary =
                    "Reclassify a course (categories, validity): every agency with its certifications is re-evaluated")
    public CourseResponse change(@PathParam("courseId") UUID courseId, @Valid @NotNull ChangeCourse request) {
        return CourseResponse.of(courses.change(courseId, request));
    }
}
