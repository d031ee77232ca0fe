package org.onemind.training.personnel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "agency_id")
    public UUID agencyId;
    @Column(name = "employee_number")
    public String employeeNumber;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public boolean sworn;
    public String role;
    @Column(name = "selected_for_training")
    public boolean selectedForTraining;
    @Column(name = "hired_on")
    public LocalDate hiredOn;
    @Column(name = "separated_on")
    public LocalDate separatedOn;
    @Version
    public int version;
    @Column(name = "created_at")
    public Instant createdAt;
}
