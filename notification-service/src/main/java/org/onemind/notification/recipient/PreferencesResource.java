package org.onemind.notification.recipient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.security.Roles;

@Path("/api/v1/agencies/{agencyId}/notification-preferences")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class PreferencesResource {

    @Inject
    EntityManager em;

    @Inject
    RecipientDirectory directory;

    public record ContactPreference(
            @NotNull UUID contactId, @NotNull Set<@NotNull NotificationType> kinds) {}

    public record Preferences(@NotNull @Size(max = 50) List<@Valid @NotNull ContactPreference> contacts) {}

    public record ContactPreferences(UUID contactId, String name, String email, Set<NotificationType> kinds) {}

    @GET
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Operation(summary = "Which kinds of email each contact of the agency receives")
    @SuppressWarnings("unchecked")
    public List<ContactPreferences> get(@PathParam("agencyId") UUID agencyId) {
        requireKnown(agencyId);
        List<ContactPreferences> result = new ArrayList<>();
        for (RecipientDirectory.Recipient contact : directory.recipients(agencyId)) {
            List<String> kinds = em.createNativeQuery("select kinds from notification_preference where contact_id = ?1")
                    .setParameter(1, contact.contactId())
                    .getResultList();
            Set<NotificationType> chosen =
                    kinds.isEmpty() ? EnumSet.allOf(NotificationType.class) : parse(kinds.get(0));
            result.add(new ContactPreferences(contact.contactId(), contact.name(), contact.email(), chosen));
        }
        return result;
    }

    @PUT
    @RolesAllowed({Roles.CAMPAIGN_ADMIN, Roles.AGENCY_MANAGER})
    @Transactional
    @Operation(summary = "Choose which kinds of email each contact receives (contacts not listed keep theirs)")
    public List<ContactPreferences> put(@PathParam("agencyId") UUID agencyId, @Valid @NotNull Preferences request) {
        requireKnown(agencyId);
        Set<UUID> contacts = directory.recipients(agencyId).stream()
                .map(RecipientDirectory.Recipient::contactId)
                .collect(Collectors.toSet());
        for (int i = 0; i < request.contacts().size(); i++) {
            if (!contacts.contains(request.contacts().get(i).contactId())) {
                throw ApiException.invalid("contacts[" + i + "].contactId", "is not a contact of this agency");
            }
        }
        for (ContactPreference preference : request.contacts()) {
            em.createNativeQuery(
                            "insert into notification_preference (contact_id, agency_id, kinds) values (?1, ?2, ?3)"
                                    + " on conflict (contact_id) do update set kinds = excluded.kinds")
                    .setParameter(1, preference.contactId())
                    .setParameter(2, agencyId)
                    .setParameter(
                            3,
                            preference.kinds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                    .executeUpdate();
        }
        return get(agencyId);
    }

    private void requireKnown(UUID agencyId) {
        if (directory.agencyName(agencyId).isEmpty()) {
            throw org.onemind.platform.api.AgencyIds.notKnownHere(agencyId);
        }
    }

    private static Set<NotificationType> parse(String kinds) {
        Set<NotificationType> set = EnumSet.noneOf(NotificationType.class);
        if (!kinds.isBlank()) {
            Arrays.stream(kinds.split(",")).map(NotificationType::valueOf).forEach(set::add);
        }
        return set;
    }
}
