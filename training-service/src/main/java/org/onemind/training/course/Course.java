package org.onemind.training.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Entity
public class Course extends PanacheEntityBase {
    @Id
    public UUID id;

    public String name;
    public boolean mhfa;
    public boolean cit;
    public BigDecimal hours;
    public Integer validityMonths;

    @Version
    public int version;

    public Set<Category> categories() {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        if (mhfa) {
            categories.add(Category.MHFA);
        }
        if (cit) {
            categories.add(Category.CIT);
        }
        return categories;
    }

    public List<String> categoryNames() {
        return categories().stream().map(Enum::name).toList();
    }

    /** Completion date plus validity; null when the course never expires. */
    public LocalDate expiryOf(LocalDate completedOn) {
        return validityMonths == null ? null : completedOn.plusMonths(validityMonths);
    }
}
