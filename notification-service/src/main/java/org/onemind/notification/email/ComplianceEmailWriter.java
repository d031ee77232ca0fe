package org.onemind.notification.email;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onemind.notification.delivery.NotificationType;
import org.onemind.platform.contract.ComplianceTopic;
import org.onemind.platform.contract.Practice;

/** Writes the emails about a change in an agency's compliance, with the agency's own figures. */
@ApplicationScoped
public class ComplianceEmailWriter {

    @Inject
    @Location("emails/compliance-changed.html")
    Template html;

    @Inject
    @Location("emails/compliance-changed.txt")
    Template text;

    @Inject
    @Location("emails/practice-figures.txt")
    Template practiceFigures;

    @ConfigProperty(name = "onemind.notification.draft-letter-url")
    String draftLetterUrl;

    public record Email(String subject, String html, String text) {}

    /** One practice line: "CIT: 9 of 9 required sworn officers hold a current certification". */
    public record PracticeLine(String label, String figures, String reason) {}

    public Email compose(
            NotificationType type,
            String agencyName,
            String contactName,
            List<Practice> practices,
            ComplianceTopic.Practices figures,
            UUID agencyId) {
        List<PracticeLine> lines =
                practices.stream().map(practice -> line(practice, figures)).toList();
        String subject = switch (type) {
            case PRACTICE_MET ->
                agencyName + ": " + labels(lines) + (lines.size() == 1 ? " is now met" : " are now met");
            case PRACTICE_UNMET ->
                agencyName + ": " + labels(lines) + (lines.size() == 1 ? " is no longer met" : " are no longer met");
            case ELIGIBLE_FOR_COMPLETION -> agencyName + " can now submit its One Mind completion";
            default -> throw new IllegalArgumentException(type + " is not a compliance change");
        };
        List<PracticeLine> all = Arrays.stream(Practice.values())
                .map(practice -> line(practice, figures))
                .toList();
        String letterUrl = draftLetterUrl.replace("{agencyId}", agencyId.toString());
        return new Email(
                subject,
                html.data("type", type.name())
                        .data("agencyName", agencyName)
                        .data("contactName", contactName)
                        .data("changed", lines)
                        .data("all", all)
                        .data("letterUrl", letterUrl)
                        .render(),
                text.data("type", type.name())
                        .data("agencyName", agencyName)
                        .data("contactName", contactName)
                        .data("changed", lines)
                        .data("all", all)
                        .data("letterUrl", letterUrl)
                        .render());
    }

    private static String labels(List<PracticeLine> lines) {
        return String.join(" and ", lines.stream().map(PracticeLine::label).toList());
    }

    /** The practice's figures in the campaign's words (the template {@code emails/practice-figures.txt}). */
    PracticeLine line(Practice practice, ComplianceTopic.Practices figures) {
        String shown = practiceFigures
                .data("practice", practice)
                .data("figures", figures)
                .render()
                .strip();
        return new PracticeLine(practice.title(), shown, figures.reason(practice));
    }
}
