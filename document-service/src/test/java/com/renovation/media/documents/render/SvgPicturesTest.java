package com.renovation.media.documents.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.renovation.media.storage.svg.SanitizedSvg;
import com.renovation.media.storage.svg.SvgLimits;
import com.renovation.media.storage.svg.SvgSanitizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The pictures of a drawing, drawn by JSVG from an already sanitised document (as the sanitiser's output is
 * shaped): sizes, where the drawing lands, and that the PDF is vector.
 */
class SvgPicturesTest {

    private static final int WHITE = 0xFFFFFF;

    @Test
    void theThumbnailIsTheFixedSizeWithTheDrawingCentredOnWhite() throws IOException {
        RenderedPicture thumbnail = PngRender.thumbnail(SvgDrawing.parse(floorPlan()));

        BufferedImage image = decode(thumbnail.bytes());
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(thumbnail.width()).isEqualTo(400);
        assertThat(thumbnail.height()).isEqualTo(300);
        // 1200×600 fitted into 384×284: 384×192, from y = 54 to 246
        assertThat(rgb(image, 100, 150)).isNotEqualTo(WHITE);
        assertThat(rgb(image, 300, 150)).isNotEqualTo(WHITE);
        assertThat(rgb(image, 200, 20)).isEqualTo(WHITE);
        assertThat(rgb(image, 200, 280)).isEqualTo(WHITE);
    }

    @Test
    void aPngExportHasTheRequestedWidthAndTheDrawingsAspect() throws IOException {
        RenderedPicture png = PngRender.export(SvgDrawing.parse(floorPlan()), 1000);

        BufferedImage image = decode(png.bytes());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(500);
        // the drawing fills it: the kitchen's fill at its middle, the wall at its left edge
        assertThat(rgb(image, 250, 250)).isEqualTo(0xDFE8F0);
        assertThat(rgb(image, 34, 250)).isNotEqualTo(WHITE);
    }

    @Test
    void thePdfIsOneLandscapePageWithTheHeadingAndTheDrawingAsVectorPaths() throws IOException {
        RenderedPicture pdf = new SvgPdfLayout(new PdfFonts()).render(SvgDrawing.parse(floorPlan()),
                "Floor plan: Ground floor — version 2");

        assertThat(pdf.width()).isEqualTo(842);
        assertThat(pdf.height()).isEqualTo(595);
        PdfReader reader = new PdfReader(pdf.bytes());
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("Floor plan: Ground floor — version 2");
        String content = new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1);
        assertThat(content).containsPattern("(?m) (m|l|c)$").containsPattern("(?m)^(f|S|B|f\\*)$");
        assertThat(content).doesNotContain(" Do\n");
        reader.close();
    }

    @Test
    void aTallDrawingGetsAPortraitPage() {
        SanitizedSvg tall = svg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 300\">"
                + "<rect x=\"10\" y=\"10\" width=\"80\" height=\"280\" fill=\"#333\"/></svg>", 100, 300);

        RenderedPicture pdf = new SvgPdfLayout(new PdfFonts()).render(SvgDrawing.parse(tall), "Sketch: Tall — version 1");

        assertThat(pdf.width()).isEqualTo(595);
        assertThat(pdf.height()).isEqualTo(842);
    }

    @Test
    void aDetailedDeeplyNestedPlanWithinTheSanitisersLimitsIsDrawn() throws IOException {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 1000\">");
        svg.append("<g>".repeat(120));
        for (int i = 0; i < 20_000; i++) {
            svg.append("<path d=\"M").append(i % 1000).append(" 0 V1000\" stroke=\"#000\"/>");
        }
        svg.append("</g>".repeat(120)).append("</svg>");

        // through the sanitiser first, as the service does: what it accepts, the renderer must draw
        SanitizedSvg sanitised = new SvgSanitizer(SvgLimits.DEFAULT).sanitize(svg.toString().getBytes(StandardCharsets.UTF_8));
        BufferedImage image = decode(PngRender.thumbnail(SvgDrawing.parse(sanitised)).bytes());

        assertThat(rgb(image, 200, 150)).isNotEqualTo(WHITE);
    }

    @Test
    void aDrawingThatMultipliesItselfThroughNestedUseIsNotDrawn() {
        // each level draws the one below ten times: 10^6 rectangles from a few dozen elements
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 100 100\"><defs>"
                + "<g id=\"l0\"><rect width=\"1\" height=\"1\"/></g>");
        for (int level = 1; level <= 6; level++) {
            svg.append("<g id=\"l").append(level).append("\">");
            for (int i = 0; i < 10; i++) {
                svg.append("<use xlink:href=\"#l").append(level - 1).append("\"/>");
            }
            svg.append("</g>");
        }
        svg.append("</defs><use xlink:href=\"#l6\"/></svg>");

        assertThatThrownBy(() -> SvgDrawing.parse(svg(svg.toString(), 100, 100)))
                .isInstanceOf(RenderFailure.class).hasMessageContaining("exceeded").hasMessageNotContaining("\n");
    }

    static SanitizedSvg floorPlan() throws IOException {
        try (InputStream in = SvgPicturesTest.class.getResourceAsStream("/artefacts/floorplan.svg")) {
            return new SanitizedSvg(in.readAllBytes(), 1200, 600, 12);
        }
    }

    private static SanitizedSvg svg(String text, double width, double height) {
        return new SanitizedSvg(text.getBytes(StandardCharsets.UTF_8), width, height, 2);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }
}
