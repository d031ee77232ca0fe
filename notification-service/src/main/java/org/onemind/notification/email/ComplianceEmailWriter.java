package org.onemind.notification.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onemind.notification.delivery.NotificationType;

/** Writes the emails about a change in an agency's compliance, with the agency's own figures. */
@ApplicationScoped
public class ComplianceEmailWriter {

    @Inject
    @Location("emails/compliance-changed.html")
    Template html;

    @Inject
    @Location("emails/compliance-changed.txt")
    Template text;

    @ConfigProperty(name = "onemind.notification.draft-letter-url")
    String draftLetterUrl;

    public record Email(String subject, String html, String text) {}

    /** One practice line: "CIT: 9 of 9 required sworn officers hold a current certification". */
    public record PracticeLine(String label, String figures, String reason) {}

    public Email compose(
            NotificationType type,
            String agencyName,
            String contactName,
            List<String> practices,
            JsonNode evaluation,
            UUID agencyId) {
        List<PracticeLine> lines = new ArrayList<>();
        for (String practice : practices) {
            lines.add(line(practice, evaluation.path("practices")));
        }
        String subject = switch (type) {
            case PRACTICE_MET ->
                agencyName + ": " + labels(lines) + (lines.size() == 1 ? " is now met" : " are now met");
            case PRACTICE_UNMET ->
                agencyName + ": " + labels(lines) + (lines.size() == 1 ? " is no longer met" : " are no longer met");
            case ELIGIBLE_FOR_COMPLETION -> agencyName + " can now submit its One Mind completion";
            default -> throw new IllegalArgumentException(type + " is not a compliance change");
        };
        List<PracticeLine> all = List.of(
                line("PARTNERSHIP", evaluation.path("practices")),
                line("POLICY", evaluation.path("practices")),
                line("MHFA", evaluation.path("practices")),
                line("CIT", evaluation.path("practices")));
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

    static PracticeLine line(String practice, JsonNode practices) {
        return switch (practice) {
            case "PARTNERSHIP" -> {
                JsonNode p = practices.path("partnership");
                yield new PracticeLine(
                        "Partnership",
                        p.path("activePartnerships").asInt() + " active partnership(s) with a mental health provider",
                        text(p, "reason"));
            }
            case "POLICY" -> {
                JsonNode p = practices.path("policy");
                yield new PracticeLine(
                        "Model policy",
                        p.path("title").isMissingNode() || p.path("title").isNull()
                                ? "no policy adopted"
                                : "\"" + p.path("title").asText() + "\" adopted "
                                        + p.path("adoptedOn").asText(),
                        text(p, "reason"));
            }
            case "MHFA" -> {
                JsonNode p = practices.path("mhfa");
                yield new PracticeLine(
                        "Mental Health First Aid",
                        p.path("swornTrained").asInt() + " of "
                                + p.path("sworn").asInt()
                                + " sworn officers and "
                                + p.path("selectedNonSwornTrained").asInt() + " of "
                                + p.path("selectedNonSworn").asInt()
                                + " selected non-sworn staff hold a current certification",
                        text(p, "reason"));
            }
            case "CIT" -> {
                JsonNode p = practices.path("cit");
                yield new PracticeLine(
                        "Crisis Intervention Team",
                        p.path("swornTrained").asInt() + " sworn officers hold a current certification; "
                                + p.path("required").asInt() + " required (20% of "
                                + p.path("sworn").asInt() + " sworn)",
                        text(p, "reason"));
            }
            default -> new PracticeLine(practice, "", null);
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
