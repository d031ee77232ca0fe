package org.onemind.agency.organization;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.onemind.platform.api.ListPage;

/** The campaign's organizations: partners of agencies, listed publicly. */
@ApplicationScoped
public class OrganizationService {

    @Transactional
    public OrganizationResponse create(OrganizationRequests.CreateOrganization request) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = request.name().trim();
        organization.kind = request.kind();
        organization.city = request.city();
        organization.state = request.state();
        organization.website = request.website();
        organization.createdAt = Instant.now();
        organization.persist();
        return OrganizationResponse.of(organization);
    }

    public ListPage<OrganizationResponse> list(OrganizationKind kind, int page, int size) {
        var found = kind == null
                ? Organization.<Organization>findAll(Sort.by("name").and("id"))
                : Organization.<Organization>find("kind", Sort.by("name").and("id"), kind);
        return new ListPage<>(
                found.page(Page.of(page, size)).list().stream()
                        .map(OrganizationResponse::of)
                        .toList(),
                page,
                size,
                found.count());
    }

    public OrganizationResponse get(UUID id) {
        return OrganizationResponse.of(Organization.require(id));
    }
}
