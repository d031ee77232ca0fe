package org.onemind.notification.email;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.onemind.notification.delivery.DeliveryService;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.notification.recipient.RecipientDirectory;

/**
 * Sends one kind of email to every contact of an agency who wants that kind: the same subject and
 * content (with the agency's own figures), written by the {@code notice} template as HTML and text.
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

    /** What an email says: its subject, paragraphs, listed facts and an optional link. */
    public record Content(String subject, List<String> paragraphs, List<String> lines, String link) {}

    /** @return how many emails were queued */
    public int send(UUID agencyId, NotificationType type, String eventId, Content content) {
        int queued = 0;
        for (RecipientDirectory.Recipient recipient : directory.recipients(agencyId, type)) {
            ComplianceEmailWriter.Email email = new ComplianceEmailWriter.Email(
                    content.subject(),
                    html.data("contactName", recipient.name())
                            .data("paragraphs", content.paragraphs())
                            .data("lines", content.lines())
                            .data("link", content.link())
                            .render(),
                    text.data("contactName", recipient.name())
                            .data("paragraphs", content.paragraphs())
                            .data("lines", content.lines())
                            .data("link", content.link())
                            .render());
            deliveries.enqueue(agencyId, type, recipient.email(), email, eventId);
            queued++;
        }
        return queued;
    }

    public String agencyName(UUID agencyId) {
        return directory.agencyName(agencyId).orElse("Your agency");
    }
}
