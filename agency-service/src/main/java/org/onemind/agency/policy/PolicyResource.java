package org.onemind.agency.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.agency.agency.AgencyService;
import org.onemind.agency.events.AgencyEvents;
import org.onemind.agency.history.HistoryLog;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/policy")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Policy")
public class PolicyResource {

    @Inject
    AgencyService agencies;

    @Inject
    AgencyEvents events;

    @Inject
    HistoryLog history;

    public record AdoptPolicy(
            @NotBlank @Size(max = 300) String title,
            @NotNull LocalDate adoptedOn,
            @NotNull @Size(max = 20) List<@NotNull PolicyComponent> components) {}

    public record PolicyResponse(
            UUID agencyId,
            String title,
            LocalDate adoptedOn,
            List<PolicyComponent> components,
            List<PolicyComponent> notCovered) {
        static PolicyResponse of(Policy policy) {
            return new PolicyResponse(
                    policy.agencyId,
                    policy.title,
                    policy.adoptedOn,
                    policy.components,
                    Arrays.stream(PolicyComponent.values())
                            .filter(c -> !policy.components.contains(c))
                            .toList());
        }
    }

    @PUT
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Transactional
    @Operation(summary = "Record the agency's adopted policy and the model-policy components it covers")
    public PolicyResponse adopt(@PathParam("agencyId") UUID agencyId, @Valid @NotNull AdoptPolicy request) {
        agencies.find(agencyId);
        if (request.adoptedOn().isAfter(LocalDate.now().plusYears(1))) {
            throw ApiException.invalid("adoptedOn", "must be within a year from today");
        }
        Policy policy = Policy.findById(agencyId);
        PolicyResponse before = policy == null ? null : PolicyResponse.of(policy);
        if (policy == null) {
            policy = new Policy();
            policy.agencyId = agencyId;
        }
        policy.title = request.title().trim();
        policy.adoptedOn = request.adoptedOn();
        policy.components = List.copyOf(new LinkedHashSet<>(request.components()));
        policy.updatedAt = Instant.now();
        if (before == null) {
            policy.persist();
        }
        PolicyResponse after = PolicyResponse.of(policy);
        history.record(agencyId, "policy.adopted", before, after);
        events.policyAdopted(policy);
        return after;
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER, Roles.PARTNER})
    @Operation(summary = "The agency's policy")
    public PolicyResponse get(@PathParam("agencyId") UUID agencyId) {
        agencies.find(agencyId);
        Policy policy = Policy.findById(agencyId);
        if (policy == null) {
            throw ApiException.notFound("policy of agency", agencyId);
        }
        return PolicyResponse.of(policy);
    }
}
