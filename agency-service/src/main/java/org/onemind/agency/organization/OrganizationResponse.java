package org.onemind.agency.organization;

import java.util.UUID;

/** A mental-health provider, supporting organization or partnering association, as the API shows it. */
public record OrganizationResponse(
        UUID id, String name, OrganizationKind kind, String city, String state, String website) {
    static OrganizationResponse of(Organization o) {
        return new OrganizationResponse(o.id, o.name, o.kind, o.city, o.state, o.website);
    }
}
