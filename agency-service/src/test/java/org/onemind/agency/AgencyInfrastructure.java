package org.onemind.agency;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.onemind.infra.InfrastructureTestResource;

/**
 * Every test of this service runs against a real PostgreSQL database, a real Kafka broker, and a
 * real Keycloak (the committed realm) that sends its invitations to a real SMTP server.
 */
@QuarkusTestResource(
        value = InfrastructureTestResource.class,
        initArgs = {
            @ResourceArg(name = "database", value = "agency"),
            @ResourceArg(name = "mail", value = "true"),
            @ResourceArg(name = "mailer", value = "false"),
            @ResourceArg(name = "keycloak", value = "target/keycloak")
        })
public class AgencyInfrastructure {}
