package org.onemind.training.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.onemind.platform.problem.ApiException;
import org.onemind.training.events.TrainingEvents;

@ApplicationScoped
public class CourseService {

    @Inject
    TrainingEvents events;

    /** The catalog by name. */
    public java.util.List<Course> catalog() {
        return Course.listAll(io.quarkus.panache.common.Sort.by("name"));
    }

    @Transactional
    public Course create(String name, Set<Category> categories, BigDecimal hours, Integer validityMonths) {
        if (Course.count("lower(name) = ?1", name.trim().toLowerCase()) > 0) {
            throw ApiException.conflict("duplicate-course", "a course named " + name + " is already in the catalog");
        }
        Course course = new Course();
        course.id = UUID.randomUUID();
        course.name = name.trim();
        course.mhfa = categories.contains(Category.MHFA);
        course.cit = categories.contains(Category.CIT);
        course.hours = hours;
        course.validityMonths = validityMonths;
        course.persist();
        events.courseChanged(course);
        return course;
    }

    @Transactional
    public Course change(UUID courseId, CourseRequests.ChangeCourse request) {
        Course course = Course.findById(courseId);
        if (course == null) {
            throw ApiException.notFound("course", courseId);
        }
        if (request.name() != null) {
            course.name = request.name().trim();
        }
        if (request.categories() != null) {
            course.mhfa = request.categories().contains(Category.MHFA);
            course.cit = request.categories().contains(Category.CIT);
        }
        if (request.hours() != null) {
            course.hours = request.hours();
        }
        if (Boolean.TRUE.equals(request.noExpiry())) {
            course.validityMonths = null;
        } else if (request.validityMonths() != null) {
            course.validityMonths = request.validityMonths();
        }
        Course.getEntityManager().flush();
        events.courseChanged(course);
        return course;
    }

    /** Adds a category to a course (an approved recognition request). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Course recognize(Course course, Category category) {
        if (category == Category.MHFA) {
            course.mhfa = true;
        } else {
            course.cit = true;
        }
        events.courseChanged(course);
        return course;
    }
}
