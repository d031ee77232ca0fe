package org.onemind.agency.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
public class Agency extends PanacheEntityBase {
    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public AgencyType type;

    public String city;
    public String state;
    public String country;
    public int declaredSworn;
    public int declaredNonSworn;

    @Version
    public int version;

    public Instant createdAt;
    public Instant updatedAt;

    @OneToMany(mappedBy = "agency", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<AgencyContact> contacts = new ArrayList<>();
}
