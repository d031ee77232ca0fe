package org.onemind.agency.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The agency's policy on law enforcement response to persons with mental health conditions. */
@Entity
public class Policy extends PanacheEntityBase {
    @Id
    public UUID agencyId;

    public String title;
    public LocalDate adoptedOn;

    @Convert(converter = ComponentsConverter.class)
    public List<PolicyComponent> components;

    public Instant updatedAt;

    @Version
    public int version;
}
