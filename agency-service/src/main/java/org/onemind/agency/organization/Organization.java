package org.onemind.agency.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.onemind.platform.problem.ApiException;

@Entity
public class Organization extends PanacheEntityBase {
    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public OrganizationKind kind;

    public String city;
    public String state;
    public String website;
    public Instant createdAt;

    /** The organization, or 404. */
    public static Organization require(UUID id) {
        Organization organization = findById(id);
        if (organization == null) {
            throw ApiException.notFound("organization", id);
        }
        return organization;
    }

    /** Only mental-health providers partner with agencies (and so receive API credentials). */
    public boolean isMentalHealthProvider() {
        return kind == OrganizationKind.MENTAL_HEALTH_PROVIDER;
    }
}
