package org.onemind.notification.email;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onemind.notification.delivery.DeliveryService;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.notification.recipient.RecipientDirectory;

/**
 * Sends one kind of email to every contact of an agency who wants that kind: the same subject and
 * content (with the agency's own figures), worded by the kind's template ({@code notices/<type>.txt})
 * and laid out by the {@code notice} template as HTML and text.
 */
@ApplicationScoped
public class NoticeService {

    @Inject
    @Location("emails/notice.html")
    Template html;

    @Inject
    @Location("emails/notice.txt")
    Template text;

    @Inject
    RecipientDirectory directory;

    @Inject
    DeliveryService deliveries;

    @Inject
    Engine engine;

    /**
     * Queues the email of {@code type} to the agency's contacts who want it. Its words are the
     * template {@code notices/<type>.txt} (the subject, a blank line, then paragraphs separated by
     * blank lines), filled with {@code facts} and the agency's name; {@code items} are listed below.
     *
     * @return how many emails were queued
     */
    public int send(
            UUID agencyId, NotificationType type, String eventId, Map<String, Object> facts, List<String> items) {
        Wording wording = wording(agencyId, type, facts);
        int queued = 0;
        for (RecipientDirectory.Recipient recipient : directory.recipients(agencyId, type)) {
            deliveries.enqueue(agencyId, type, recipient.email(), email(wording, recipient.name(), items), eventId);
            queued++;
        }
        return queued;
    }

    /** Queues the email of {@code type} to one named person rather than the agency's contacts. */
    public void sendTo(
            UUID agencyId,
            NotificationType type,
            String eventId,
            String name,
            String email,
            Map<String, Object> facts,
            List<String> items) {
        deliveries.enqueue(agencyId, type, email, email(wording(agencyId, type, facts), name, items), eventId);
    }

    private Wording wording(UUID agencyId, NotificationType type, Map<String, Object> facts) {
        TemplateInstance wording =
                engine.getTemplate("notices/" + type.name() + ".txt").instance();
        facts.forEach(wording::data);
        List<String> parts = List.of(wording.data("agencyName", agencyName(agencyId))
                .render()
                .strip()
                .split("\\n\\s*\\n"));
        return new Wording(parts.get(0), parts.subList(1, parts.size()));
    }

    private record Wording(String subject, List<String> paragraphs) {}

    private ComplianceEmailWriter.Email email(Wording wording, String name, List<String> items) {
        return new ComplianceEmailWriter.Email(
                wording.subject(),
                html.data("contactName", name)
                        .data("paragraphs", wording.paragraphs())
                        .data("lines", items)
                        .render(),
                text.data("contactName", name)
                        .data("paragraphs", wording.paragraphs())
                        .data("lines", items)
                        .render());
    }

    public String agencyName(UUID agencyId) {
        if (agencyId == null) {
            return "The campaign";
        }
        return directory.agencyName(agencyId).orElse("Your agency");
    }
}
