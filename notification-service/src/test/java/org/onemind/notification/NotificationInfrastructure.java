package org.onemind.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.onemind.infra.InfrastructureTestResource;

/** Every test of this service runs against real PostgreSQL, Kafka and SMTP servers. */
@QuarkusTestResource(
        value = InfrastructureTestResource.class,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")
        })
public class NotificationInfrastructure {}
