package org.onemind.training.certification;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onemind.platform.api.ListPage;
import org.onemind.training.course.Category;
import org.onemind.training.course.Course;
import org.onemind.training.personnel.PersonnelService;

/** The reads of an agency's certifications. */
@ApplicationScoped
public class CertificationQueries {

    /** Newest completion first; of one person, of one category, or expiring before a date. */
    public ListPage<CertificationResponse> list(
            UUID agencyId, UUID personnelId, Category category, LocalDate expiringBefore, int page, int size) {
        PersonnelService.requireKnownAgency(agencyId);
        StringBuilder query = new StringBuilder("from Certification c where c.agencyId = :agency");
        Parameters params = Parameters.with("agency", agencyId);
        if (personnelId != null) {
            query.append(" and c.personnelId = :person");
            params.and("person", personnelId);
        }
        if (category != null) {
            query.append(" and exists (select 1 from Course k where k.id = c.courseId and k.")
                    .append(category == Category.MHFA ? "mhfa" : "cit")
                    .append(" = true)");
        }
        if (expiringBefore != null) {
            query.append(" and c.revokedAt is null and c.expiresOn is not null and c.expiresOn < :before");
            params.and("before", expiringBefore);
        }
        var found = Certification.<Certification>find(
                query.toString(), Sort.descending("completedOn").and("id"), params);
        long total = found.count();
        List<Certification> items = found.page(Page.of(page, size)).list();
        Map<UUID, Course> courses =
                Course.<Course>listAll().stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        return new ListPage<>(
                items.stream()
                        .map(c -> CertificationResponse.of(
                                c, courses.get(c.courseId).categoryNames()))
                        .toList(),
                page,
                size,
                total);
    }
}
