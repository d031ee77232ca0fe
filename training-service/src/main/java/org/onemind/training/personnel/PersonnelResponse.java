package org.onemind.training.personnel;

import java.time.LocalDate;
import java.util.UUID;

public record PersonnelResponse(
        UUID id,
        UUID agencyId,
        String employeeNumber,
        String firstName,
        String lastName,
        boolean sworn,
        String role,
        boolean selectedForTraining,
        LocalDate hiredOn,
        LocalDate separatedOn) {

    static PersonnelResponse of(Personnel p) {
        return new PersonnelResponse(
                p.id,
                p.agencyId,
                p.employeeNumber,
                p.firstName,
                p.lastName,
                p.sworn,
                p.role,
                p.selectedForTraining,
                p.hiredOn,
                p.separatedOn);
    }
}
