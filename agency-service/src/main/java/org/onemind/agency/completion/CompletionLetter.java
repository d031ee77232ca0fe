package org.onemind.agency.completion;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The draft completion letter, built only from verified data: compliance-service's figures, the
 * recorded partnerships and the adopted policy. The same content renders as Markdown and as PDF.
 */
public record CompletionLetter(
        String agencyName,
        String city,
        String state,
        LocalDate pledgedOn,
        LocalDate date,
        int mhfaTrained,
        int mhfaRequired,
        int citTrained,
        int citRequired,
        List<Partner> partners,
        String policyTitle,
        LocalDate policyAdoptedOn,
        List<String> policyComponents) {

    public record Partner(String name, LocalDate mouSignedOn) {}

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private List<String[]> sections() {
        String partnerLines = partners.isEmpty()
                ? "none recorded"
                : String.join(
                        "; ",
                        partners.stream()
                                .map(p -> p.name() + " (memorandum of understanding signed "
                                        + LONG_DATE.format(p.mouSignedOn()) + ")")
                                .toList());
        return List.of(
                new String[] {
                    "1. Partnership with a mental health organization",
                    "We have established a sustainable partnership with: " + partnerLines + "."
                },
                new String[] {
                    "2. Model policy",
                    "We adopted \"" + policyTitle + "\" on " + LONG_DATE.format(policyAdoptedOn) + ". It covers: "
                            + String.join("; ", policyComponents) + "."
                },
                new String[] {
                    "3. Mental Health First Aid",
                    mhfaTrained + " of " + mhfaRequired
                            + " sworn officers and selected non-sworn staff hold a current Mental Health First Aid (or equivalent) certification."
                },
                new String[] {
                    "4. Crisis Intervention Team training",
                    citTrained + " sworn officers hold a current Crisis Intervention Team certification; " + citRequired
                            + " (20 % of sworn officers) are required."
                });
    }

    private String opening() {
        return "On " + LONG_DATE.format(pledgedOn) + ", the " + agencyName + " (" + city + ", " + state
                + ") took the One Mind Campaign pledge. We are pleased to confirm that we have implemented all four"
                + " promising practices of the pledge:";
    }

    private static final String CLOSING = "We remain committed to improving our response to persons affected by"
            + " mental illness and to sustaining these practices.";

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# One Mind Campaign — Completion Letter (draft)\n\n");
        md.append(LONG_DATE.format(date)).append("\n\n");
        md.append("To the International Association of Chiefs of Police, One Mind Campaign\n\n");
        md.append(opening()).append("\n\n");
        for (String[] section : sections()) {
            md.append("## ")
                    .append(section[0])
                    .append("\n\n")
                    .append(section[1])
                    .append("\n\n");
        }
        md.append(CLOSING).append("\n\n");
        md.append("Signed: ______________________________\n\n");
        md.append("Name and rank: ______________________________ (Chief or member of the command staff)\n");
        return md.toString();
    }

    public byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER, 72, 72, 72, 72);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("One Mind Campaign completion letter — " + agencyName);
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
            document.add(new Paragraph("One Mind Campaign — Completion Letter (draft)", title));
            document.add(new Paragraph(LONG_DATE.format(date), body));
            document.add(
                    new Paragraph("To the International Association of Chiefs of Police, One Mind Campaign", body));
            document.add(spaced(opening(), body));
            for (String[] section : sections()) {
                document.add(spaced(section[0], heading));
                document.add(new Paragraph(section[1], body));
            }
            document.add(spaced(CLOSING, body));
            document.add(spaced("Signed: ______________________________", body));
            document.add(spaced(
                    "Name and rank: ______________________________ (Chief or member of the command staff)", body));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the completion letter could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static Paragraph spaced(String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setSpacingBefore(10);
        return paragraph;
    }
}
