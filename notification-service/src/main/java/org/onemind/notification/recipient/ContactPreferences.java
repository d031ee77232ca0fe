package org.onemind.notification.recipient;

import java.util.Set;
import java.util.UUID;
import org.onemind.notification.delivery.NotificationType;

/** One contact of an agency and the kinds of email they receive. */
public record ContactPreferences(UUID contactId, String name, String email, Set<NotificationType> kinds) {}
