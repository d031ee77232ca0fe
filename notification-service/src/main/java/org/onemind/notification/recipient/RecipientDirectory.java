package org.onemind.notification.recipient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who hears about an agency: its contacts, as agency-service last described them. */
@ApplicationScoped
public class RecipientDirectory {

    @Inject
    EntityManager em;

    public record Recipient(UUID contactId, String name, String email, String role) {}

    /** Replaces the agency's contacts with the ones an event lists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void agency(UUID agencyId, String name, List<Recipient> contacts) {
        em.createNativeQuery("insert into agency_recipients (agency_id, name) values (?1, ?2)"
                        + " on conflict (agency_id) do update set name = excluded.name")
                .setParameter(1, agencyId)
                .setParameter(2, name)
                .executeUpdate();
        em.createNativeQuery("update recipient set active = false where agency_id = ?1")
                .setParameter(1, agencyId)
                .executeUpdate();
        for (Recipient contact : contacts) {
            em.createNativeQuery("insert into recipient (contact_id, agency_id, name, email, role, active)"
                            + " values (?1, ?2, ?3, ?4, ?5, true) on conflict (contact_id) do update set"
                            + " name = excluded.name, email = excluded.email, role = excluded.role, active = true")
                    .setParameter(1, contact.contactId())
                    .setParameter(2, agencyId)
                    .setParameter(3, contact.name())
                    .setParameter(4, contact.email())
                    .setParameter(5, contact.role())
                    .executeUpdate();
        }
    }

    public Optional<String> agencyName(UUID agencyId) {
        return org.onemind.platform.tx.Jdbc.first(
                em, "select name from agency_recipients where agency_id = ?", row -> row.getString(1), agencyId);
    }

    /** The agency's contacts who receive this kind of email (everyone, unless they chose otherwise). */
    @SuppressWarnings("unchecked")
    public List<Recipient> recipients(UUID agencyId, org.onemind.notification.delivery.NotificationType type) {
        List<Object[]> rows = em.createNativeQuery("select r.contact_id, r.name, r.email, r.role from recipient r"
                        + " left join notification_preference p on p.contact_id = r.contact_id"
                        + " where r.agency_id = ?1 and r.active and (p.kinds is null or ?2 = any(string_to_array(p.kinds, ',')))"
                        + " order by r.name")
                .setParameter(1, agencyId)
                .setParameter(2, type.name())
                .getResultList();
        return rows.stream()
                .map(r -> new Recipient((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    @SuppressWarnings("unchecked")
    public List<Recipient> recipients(UUID agencyId) {
        List<Object[]> rows = em.createNativeQuery("select contact_id, name, email, role from recipient"
                        + " where agency_id = ?1 and active order by name")
                .setParameter(1, agencyId)
                .getResultList();
        return rows.stream()
                .map(r -> new Recipient((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }
}
