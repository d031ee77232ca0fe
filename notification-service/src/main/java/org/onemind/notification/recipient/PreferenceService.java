package org.onemind.notification.recipient;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.platform.problem.ApiException;

/** Which kinds of email each contact of an agency receives (no row: every kind). */
@jakarta.enterprise.context.ApplicationScoped
public class PreferenceService {

    @Inject
    EntityManager em;

    @Inject
    RecipientDirectory directory;

    @SuppressWarnings("unchecked")
    public List<ContactPreferences> get(UUID agencyId) {
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

    @Transactional
    public List<ContactPreferences> put(UUID agencyId, PreferenceRequests.Preferences request) {
        requireKnown(agencyId);
        Set<UUID> contacts = directory.recipients(agencyId).stream()
                .map(RecipientDirectory.Recipient::contactId)
                .collect(Collectors.toSet());
        for (int i = 0; i < request.contacts().size(); i++) {
            if (!contacts.contains(request.contacts().get(i).contactId())) {
                throw ApiException.invalid("contacts[" + i + "].contactId", "is not a contact of this agency");
            }
        }
        for (PreferenceRequests.ContactPreference preference : request.contacts()) {
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
