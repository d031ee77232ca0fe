package org.onemind.training.personnel;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.security.Caller;
import org.onemind.platform.security.Roles;

import java.util.UUID;

@Path("/api/v1/agencies/{agencyId}/personnel")
@Tag(name = "Personnel")
public class PersonnelResource {

    @Inject
    PersonnelService personnel;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Add a person to the agency's roster")
    public Response add(@PathParam("agencyId") UUID agencyId, @Valid @NotNull PersonnelRequests.AddPersonnel request,
                        @Context UriInfo uri) {
        caller.requireAgency(agencyId);
        Personnel person = personnel.add(agencyId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(person.id.toString()).build())
                .entity(PersonnelResponse.of(person)).build();
    }

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "The roster, optionally only sworn or only active personnel")
    public org.onemind.platform.api.Page<PersonnelResponse> list(@PathParam("agencyId") UUID agencyId,
                                                                 @QueryParam("sworn") Boolean sworn,
                                                                 @QueryParam("active") Boolean active,
                                                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        caller.requireAgency(agencyId);
        PersonnelService.requireKnownAgency(agencyId);
        StringBuilder query = new StringBuilder("agencyId = :agency");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("agency", agencyId);
        if (sworn != null) {
            query.append(" and sworn = :sworn");
            params.and("sworn", sworn);
        }
        if (active != null) {
            query.append(active ? " and separatedOn is null" : " and separatedOn is not null");
        }
        var found = Personnel.<Personnel>find(query.toString(), Sort.by("lastName").and("firstName").and("id"), params);
        long total = found.count();
        var items = found.page(Page.of(page, size)).list().stream().map(PersonnelResponse::of).toList();
        return new org.onemind.platform.api.Page<>(items, page, size, total);
    }
}
