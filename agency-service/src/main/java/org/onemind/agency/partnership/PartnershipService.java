package org.onemind.agency.partnership;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onemind.agency.agency.AgencyService;
import org.onemind.agency.events.AgencyEvents;
import org.onemind.agency.history.HistoryLog;
import org.onemind.agency.organization.Organization;
import org.onemind.platform.problem.ApiException;

@ApplicationScoped
public class PartnershipService {

    @Inject
    AgencyService agencies;

    @Inject
    AgencyEvents events;

    @Inject
    HistoryLog history;

    @Transactional
    public PartnershipResponse establish(UUID agencyId, PartnershipRequests.EstablishPartnership request) {
        agencies.find(agencyId);
        Organization organization = Organization.findById(request.organizationId());
        if (organization == null) {
            throw ApiException.invalid("organizationId", "no organization " + request.organizationId());
        }
        if (!organization.isMentalHealthProvider()) {
            throw ApiException.invalid(
                    "organizationId",
                    "a partnership is with a mental-health provider; " + organization.name + " is a "
                            + organization.kind);
        }
        if (request.mouSignedOn().isAfter(java.time.LocalDate.now())) {
            throw ApiException.invalid("mouSignedOn", "must not be in the future");
        }
        if (Partnership.active(agencyId, organization.id)) {
            throw ApiException.conflict(
                    "active-partnership-exists",
                    "the agency already has an active partnership with " + organization.name);
        }
        Partnership partnership = new Partnership();
        partnership.id = UUID.randomUUID();
        partnership.agencyId = agencyId;
        partnership.organizationId = organization.id;
        partnership.mouSignedOn = request.mouSignedOn();
        partnership.description = request.description();
        partnership.documentReference = request.documentReference();
        partnership.createdAt = Instant.now();
        partnership.persist();
        PartnershipResponse response = response(partnership, organization);
        history.record(agencyId, "partnership.established", null, response);
        events.partnershipEstablished(partnership, organization);
        return response;
    }

    @Transactional
    public PartnershipResponse end(UUID agencyId, UUID partnershipId, PartnershipRequests.EndPartnership request) {
        Partnership partnership = Partnership.<Partnership>find("id = ?1 and agencyId = ?2", partnershipId, agencyId)
                .firstResult();
        if (partnership == null) {
            throw ApiException.notFound("partnership", partnershipId);
        }
        if (partnership.endedOn != null) {
            throw ApiException.conflict("partnership-ended", "the partnership already ended on " + partnership.endedOn);
        }
        if (request.endedOn().isBefore(partnership.mouSignedOn)) {
            throw ApiException.invalid(
                    "endedOn", "must not be before the MOU was signed (" + partnership.mouSignedOn + ")");
        }
        Organization organization = Organization.findById(partnership.organizationId);
        PartnershipResponse before = response(partnership, organization);
        partnership.endedOn = request.endedOn();
        partnership.endReason = request.reason().trim();
        PartnershipResponse after = response(partnership, organization);
        history.record(agencyId, "partnership.ended", before, after);
        events.partnershipEnded(partnership);
        return after;
    }

    public List<PartnershipResponse> list(UUID agencyId) {
        agencies.find(agencyId);
        List<Partnership> partnerships =
                Partnership.list("agencyId", Sort.by("mouSignedOn").and("id"), agencyId);
        if (partnerships.isEmpty()) {
            return List.of();
        }
        Map<UUID, Organization> organizations =
                Organization.<Organization>list(
                                "id in ?1",
                                partnerships.stream().map(p -> p.organizationId).toList())
                        .stream()
                        .collect(Collectors.toMap(o -> o.id, Function.identity()));
        return partnerships.stream()
                .map(p -> response(p, organizations.get(p.organizationId)))
                .toList();
    }

    /** Active partnerships with their providers, for the completion letter. */
    public List<PartnershipResponse> active(UUID agencyId) {
        return list(agencyId).stream().filter(PartnershipResponse::active).toList();
    }

    static PartnershipResponse response(Partnership p, Organization organization) {
        return new PartnershipResponse(
                p.id,
                p.agencyId,
                p.organizationId,
                organization == null ? null : organization.name,
                p.mouSignedOn,
                p.description,
                p.documentReference,
                p.endedOn,
                p.endReason,
                p.endedOn == null);
    }
}
