package org.onemind.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.SVGLoader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The badge an agency embeds on its website, read as a browser would: parsed and drawn by an SVG
 * renderer (JSVG), its words read from the document, its colours checked for contrast.
 */
@QuarkusTest
class BadgeTest {
    static final String SVG = "http://www.w3.org/2000/svg";

    /** The badge as served, and the same bytes parsed and drawn. */
    record Rendered(Response response, Document dom, BufferedImage image) {
        String title() {
            return text("title").get(0);
        }

        String desc() {
            return text("desc").get(0);
        }

        /** The visible words: label, then message. */
        List<String> words() {
            return text("text");
        }

        List<String> text(String element) {
            NodeList nodes = dom.getElementsByTagNameNS(SVG, element);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent());
            }
            return texts;
        }

        Color fill(int rect) {
            return Color.decode(
                    ((Element) dom.getElementsByTagNameNS(SVG, "rect").item(rect)).getAttribute("fill"));
        }

        Color textFill() {
            return Color.decode(((Element) dom.getElementsByTagNameNS(SVG, "g").item(0)).getAttribute("fill"));
        }
    }

    static Rendered badge(UUID agency) throws Exception {
        Response response = given().get("/api/v1/directory/agencies/{id}/badge.svg", agency);
        response.then().statusCode(200).contentType(containsString("image/svg+xml"));
        byte[] bytes = response.asByteArray();
        assertTrue(bytes.length < 2_048, "small: " + bytes.length + " bytes");

        SVGDocument svg = new SVGLoader().load(new ByteArrayInputStream(bytes));
        assertNotNull(svg, "an SVG renderer reads it");
        BufferedImage image = null;
        if (canDrawText()) {
            image = new BufferedImage(
                    (int) Math.ceil(svg.size().width), (int) Math.ceil(svg.size().height), BufferedImage.TYPE_INT_ARGB);
            Graphics2D graphics = image.createGraphics();
            svg.render((java.awt.Component) null, graphics, null);
            graphics.dispose();
        }

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dom = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(
                        new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
        return new Rendered(response, dom, image);
    }

    /**
     * Drawing text needs the machine's fonts (Java's font stack): a JDK alone may have none, so without them
     * the badge is parsed but not drawn, except under CI=true, where it must be drawn.
     */
    static boolean canDrawText() {
        try {
            if (java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames().length > 0) {
                return true;
            }
        } catch (RuntimeException | Error noFonts) {
            // the same as none
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("no fonts: under CI=true the badge must be drawn (install fontconfig and a font)");
        }
        return false;
    }

    /** WCAG 2 contrast ratio of two colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color colour) {
        double[] c = {colour.getRed() / 255.0, colour.getGreen() / 255.0, colour.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static void assertReadableAndDrawn(Rendered badge) {
        for (int rect = 0; rect < 2; rect++) {
            double ratio = contrast(badge.textFill(), badge.fill(rect));
            assertTrue(ratio >= 4.5, "text on field " + rect + " has contrast " + ratio);
        }
        // Drawn: the top row's first and last pixels are the two fields' colours (no text reaches them).
        if (badge.image() != null) {
            assertEquals(badge.fill(0).getRGB(), badge.image().getRGB(1, 1));
            assertEquals(
                    badge.fill(1).getRGB(), badge.image().getRGB(badge.image().getWidth() - 2, 1));
        }
        Element root = badge.dom().getDocumentElement();
        assertEquals("img", root.getAttribute("role"));
        assertEquals("badge-title badge-desc", root.getAttribute("aria-labelledby"));
    }

    @Test
    void aPledgedAgencysBadgeCountsItsPracticesAndLinksToItsEntry() throws Exception {
        UUID agency = Fixtures.agency(UUID.randomUUID(), "Harbor <City> & \"Port\" Police", "ME");
        Fixtures.pledge(agency, LocalDate.of(2026, 3, 1));
        Rendered before = badge(agency);
        assertEquals(List.of("One Mind pledge", "0 of 4 practices"), before.words());

        Fixtures.complianceSays(agency, false, false); // policy, MHFA and CIT met; no partnership
        Rendered badge = badge(agency);
        assertEquals("One Mind pledge — 3 of 4 practices", badge.title());
        assertEquals(List.of("One Mind pledge", "3 of 4 practices"), badge.words());
        assertTrue(
                badge.desc()
                        .startsWith("Harbor <City> & \"Port\" Police (Springfield, ME) took the One Mind"
                                + " Campaign pledge on 2026-03-01 and has 3 of the four practices in place."),
                badge.desc());
        assertReadableAndDrawn(badge);
        String entry = ((Element) badge.dom().getElementsByTagNameNS(SVG, "a").item(0)).getAttribute("href");
        assertTrue(entry.endsWith("/api/v1/directory/agencies/" + agency), entry);

        given().get("/api/v1/directory/agencies/{id}", agency)
                .then()
                .statusCode(200)
                .body("practicesInPlace", equalTo(3))
                .body("status", equalTo("PLEDGED"))
                .body("url", equalTo(entry))
                .body("badgeUrl", equalTo(entry + "/badge.svg"))
                .body("badgeHtml", containsString("alt=\"One Mind pledge — 3 of 4 practices\""));
    }

    @Test
    void aCompletedAgencysBadgeSaysTheYear() throws Exception {
        UUID agency = Fixtures.agency(UUID.randomUUID(), "Riverside Police Department", "CA");
        Fixtures.pledge(agency, LocalDate.of(2025, 2, 1));
        Fixtures.completed(agency, LocalDate.of(2026, 10, 14));
        Rendered badge = badge(agency);
        assertEquals("One Mind Campaign — completed 2026", badge.title());
        assertEquals(List.of("One Mind Campaign", "completed 2026"), badge.words());
        assertTrue(badge.desc().contains("completed the One Mind Campaign on 2026-10-14"), badge.desc());
        assertReadableAndDrawn(badge);
    }

    @Test
    void itIsCachedAndRevalidatedWithItsEtag() throws Exception {
        UUID agency = Fixtures.agency(UUID.randomUUID(), "Juneau Police Department", "AK");
        Fixtures.pledge(agency, LocalDate.of(2026, 3, 1));
        Response first = badge(agency).response();
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertEquals("public, max-age=300", first.header("Cache-Control"));
        assertTrue(first.header("Content-Security-Policy").contains("default-src 'none'"));
        given().header("If-None-Match", etag)
                .get("/api/v1/directory/agencies/{id}/badge.svg", agency)
                .then()
                .statusCode(304)
                .header("ETag", etag);

        Fixtures.complianceSays(agency, false, true); // the badge changes: so does its ETag
        given().header("If-None-Match", etag)
                .get("/api/v1/directory/agencies/{id}/badge.svg", agency)
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(etag));
    }

    @Test
    void agenciesTheDirectoryDoesNotListHaveNoBadge() {
        UUID registered = Fixtures.agency(UUID.randomUUID(), "Helena Police Department", "MT");
        for (UUID agency : List.of(registered, UUID.randomUUID())) {
            for (String path :
                    List.of("/api/v1/directory/agencies/{id}/badge.svg", "/api/v1/directory/agencies/{id}")) {
                given().get(path, agency).then().statusCode(404).contentType("application/problem+json");
            }
        }
        given().get("/api/v1/directory/agencies/not-an-id/badge.svg").then().statusCode(404);
    }
}
