package org.onemind.platform.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onemind.platform.api.ListPage;
import org.onemind.platform.security.Roles;

/**
 * Campaign admins' view of the events a service could never apply, and the way to apply them again
 * after a fix. Each service exposes it under its own path ({@code /api/v1/dead-letters/<service>}),
 * so one ingress can route all four.
 */
@RolesAllowed(Roles.CAMPAIGN_ADMIN)
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
public abstract class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @GET
    @Operation(summary = "The events this service could never apply, oldest first, with the reason for each")
    public ListPage<DeadLetterView> list(
            @QueryParam("status")
                    @jakarta.validation.constraints.Pattern(
                            regexp = "PENDING|REPLAYED",
                            message = "must be PENDING or REPLAYED")
                    @jakarta.validation.constraints.Size(max = 8)
                    String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(org.onemind.platform.api.Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return deadLetters.list(Optional.ofNullable(status).map(DeadLetterStatus::valueOf), page, size);
    }

    @GET
    @Path("/{deadLetterId}")
    @Operation(summary = "One dead letter")
    public DeadLetterView get(@PathParam("deadLetterId") UUID id) {
        return deadLetters.find(id);
    }

    @POST
    @Path("/{deadLetterId}/replay")
    @Operation(
            summary = "Apply one dead letter again",
            description = "Runs the event through its consumer as if it had just arrived. An event that was applied"
                    + " meanwhile changes nothing. If it still cannot be applied the answer is 409 with the reason, and"
                    + " it stays PENDING.")
    public DeadLetterView replay(@PathParam("deadLetterId") UUID id) {
        return deadLetters.replay(id);
    }

    @POST
    @Path("/replay")
    @Operation(
            summary = "Apply pending dead letters again, oldest first",
            description = "At most `limit` per call; the answer says how many were applied, which still fail and why,"
                    + " and how many remain pending.")
    public ReplayOutcome replayPending(@QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return deadLetters.replayPending(limit);
    }
}
