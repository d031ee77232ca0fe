package org.onemind.agency.deadletter;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.platform.deadletter.DeadLetterResource;

/** The events agency-service could never apply: list and replay (campaign admins). */
@jakarta.annotation.security.RolesAllowed(org.onemind.platform.security.Roles.CAMPAIGN_ADMIN)
@Path("/api/v1/dead-letters/agency-service")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Events this service could never apply, and their replay after a fix")
public class DeadLetterEndpoint extends DeadLetterResource {}
