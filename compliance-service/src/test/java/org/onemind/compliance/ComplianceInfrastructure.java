package org.onemind.compliance;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.onemind.infra.InfrastructureTestResource;

/** Every test of this service runs against a real PostgreSQL database and a real Kafka broker. */
@QuarkusTestResource(
        value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "compliance"))
public class ComplianceInfrastructure {}
