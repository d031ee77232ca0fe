package org.onemind.agency.agency;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record AgencyResponse(
        UUID id,
        String name,
        AgencyType type,
        String city,
        String state,
        String country,
        int declaredSworn,
        int declaredNonSworn,
        List<ContactResponse> contacts,
        Instant createdAt,
        Instant updatedAt) {

    public record ContactResponse(UUID id, String name, String email, String role) {}

    static AgencyResponse of(Agency agency) {
        return new AgencyResponse(
                agency.id,
                agency.name,
                agency.type,
                agency.city,
                agency.state,
                agency.country,
                agency.declaredSworn,
                agency.declaredNonSworn,
                agency.contacts.stream()
                        .map(c -> new ContactResponse(c.id, c.name, c.email, c.role))
                        .toList(),
                agency.createdAt,
                agency.updatedAt);
    }
}
