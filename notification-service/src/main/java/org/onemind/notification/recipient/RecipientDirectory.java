package org.onemind.notification.recipient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onemind.platform.tx.Jdbc;

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
        return Jdbc.first(
                em, "select name from agency_recipients where agency_id = ?", row -> row.getString(1), agencyId);
    }

    /** The agency's contacts who receive this kind of email (everyone, unless they chose otherwise). */
    public List<Recipient> recipients(UUID agencyId, org.onemind.notification.delivery.NotificationType type) {
        return Jdbc.query(
                em,
                "select r.contact_id, r.name, r.email, r.role from recipient r"
                        + " left join notification_preference p on p.contact_id = r.contact_id"
                        + " where r.agency_id = ? and r.active and (p.kinds is null or ? = any(string_to_array(p.kinds, ',')))"
                        + " order by r.name",
                RecipientDirectory::recipient,
                agencyId,
                type.name());
    }

    public List<Recipient> recipients(UUID agencyId) {
        return Jdbc.query(
                em,
                "select contact_id, name, email, role from recipient where agency_id = ? and active order by name",
                RecipientDirectory::recipient,
                agencyId);
    }

    private static Recipient recipient(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Recipient(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4));
    }
}
