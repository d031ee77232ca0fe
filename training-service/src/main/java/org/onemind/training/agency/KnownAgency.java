package org.onemind.training.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An agency as training-service knows it from {@code agency.events}. */
@Entity
@Table(name = "known_agency")
public class KnownAgency extends PanacheEntityBase {
    @Id
    public UUID agencyId;

    public String name;
    public Instant registeredAt;
}
