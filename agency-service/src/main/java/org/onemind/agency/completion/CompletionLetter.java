package org.onemind.agency.completion;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The draft completion letter, built only from verified data: compliance-service's figures, the
 * recorded partnerships and the adopted policy. One text (a Qute template) renders as Markdown and as PDF.
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
        List<String> policyComponents,
        String badgeUrl,
        String verificationUrl) {

    public record Partner(String name, LocalDate mouSignedOn) {
        public String mouSignedOnText() {
            return LONG_DATE.format(mouSignedOn);
        }
    }

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    /** The letter's words live in {@code templates/CompletionLetter/letter.txt} (Markdown), checked at build time. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance letter(CompletionLetter letter);
    }

    public String dateText() {
        return LONG_DATE.format(date);
    }

    public String pledgedOnText() {
        return LONG_DATE.format(pledgedOn);
    }

    public String policyAdoptedOnText() {
        return LONG_DATE.format(policyAdoptedOn);
    }

    public String markdown() {
        return Templates.letter(this).render();
    }

    /** The same Markdown laid out on a page: {@code #} the title, {@code ##} the headings, paragraphs between blank lines. */
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
            boolean afterHeading = true; // the date and the addressee follow the title closely
            int paragraphs = 0;
            for (String block : markdown().split("\n\s*\n")) {
                String text = block.strip().replace('\n', ' ');
                if (text.startsWith("## ")) {
                    document.add(spaced(text.substring(3), heading));
                    afterHeading = true;
                } else if (text.startsWith("# ")) {
                    document.add(new Paragraph(text.substring(2), title));
                } else if (!text.isEmpty()) {
                    paragraphs++;
                    document.add(afterHeading || paragraphs <= 2 ? new Paragraph(text, body) : spaced(text, body));
                    afterHeading = false;
                }
            }
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
