package org.onemind.notification.recipient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.onemind.notification.delivery.NotificationType;

/** What a caller sends about notification preferences. */
public final class PreferenceRequests {
    private PreferenceRequests() {}

    public record ContactPreference(
            @NotNull UUID contactId,
            @NotNull @Size(max = 20) Set<@NotNull NotificationType> kinds) {}

    public record Preferences(@NotNull @Size(max = 50) List<@Valid @NotNull ContactPreference> contacts) {}
}
