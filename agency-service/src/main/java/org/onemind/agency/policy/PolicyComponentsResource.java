package org.onemind.agency.policy;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/policy-components")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Policy", description = "The agency's model policy and the components it covers")
public class PolicyComponentsResource {

    @GET
    @PermitAll
    @Operation(
            operationId = "listPolicyComponents",
            summary = "The IACP model-policy components a policy can cover (public)")
    public List<ComponentResponse> components() {
        return Arrays.stream(PolicyComponent.values())
                .map(c -> new ComponentResponse(c, c.label()))
                .toList();
    }
}
