package org.onemind.training.personnel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
public class Personnel extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID agencyId;
    public String employeeNumber;
    public String firstName;
    public String lastName;
    public boolean sworn;
    public String role;
    public boolean selectedForTraining;
    public LocalDate hiredOn;
    public LocalDate separatedOn;

    @Version
    public int version;

    public Instant createdAt;
}
