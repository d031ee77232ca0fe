package org.onemind.training.personnel;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.onemind.platform.api.ListPage;
import org.onemind.training.course.Category;

/** The reads of an agency's roster. */
@ApplicationScoped
public class PersonnelQueries {

    /** By name; filtered by sworn, active, and who holds (or lacks) a current certification of a category. */
    public ListPage<PersonnelResponse> list(
            UUID agencyId, Boolean sworn, Boolean active, Category missing, Category trained, int page, int size) {
        PersonnelService.requireKnownAgency(agencyId);
        StringBuilder query = new StringBuilder("from Personnel p where p.agencyId = :agency");
        Parameters params = Parameters.with("agency", agencyId);
        if (sworn != null) {
            query.append(" and p.sworn = :sworn");
            params.and("sworn", sworn);
        }
        if (active != null) {
            query.append(active ? " and p.separatedOn is null" : " and p.separatedOn is not null");
        }
        if (missing != null) {
            // "Who has not completed MHFA?": no current certification of a course in that category today.
            query.append(" and not").append(currentIn(missing));
            params.and("today", LocalDate.now());
        }
        if (trained != null) {
            query.append(" and").append(currentIn(trained));
            params.and("today", LocalDate.now());
        }
        var found = Personnel.<Personnel>find(
                query.toString(), Sort.by("lastName").and("firstName").and("id"), params);
        long total = found.count();
        var items = found.page(Page.of(page, size)).list().stream()
                .map(PersonnelResponse::of)
                .toList();
        return new ListPage<>(items, page, size, total);
    }

    /** A current (not revoked, not expired) certification of a course in the category, for person p. */
    private static String currentIn(Category category) {
        return " exists (select 1 from Certification c, Course k where c.personnelId = p.id"
                + " and k.id = c.courseId and c.revokedAt is null and c.completedOn <= :today"
                + " and (c.expiresOn is null or c.expiresOn > :today) and k."
                + (category == Category.MHFA ? "mhfa" : "cit") + " = true)";
    }
}
