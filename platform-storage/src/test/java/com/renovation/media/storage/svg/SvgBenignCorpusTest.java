package com.renovation.media.storage.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Drawings as people make them: accepted, the drawing kept, the editors' bookkeeping gone, and stable. */
class SvgBenignCorpusTest {

    private static final String SVG = "{http://www.w3.org/2000/svg}";

    private final SvgSanitizer sanitizer = new SvgSanitizer(SvgLimits.DEFAULT);

    @ParameterizedTest
    @ValueSource(strings = {"inkscape-floor-plan.svg", "hand-written-plan.svg", "symbols-plan.svg",
            "millimetre-plan.svg"})
    void outputIsWellFormedSvgThatSanitisesToItself(String file) {
        SanitizedSvg once = sanitizer.sanitize(SvgCorpus.read("benign/" + file));
        SanitizedSvg twice = sanitizer.sanitize(once.content());

        assertThat(once.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\""
                + SvgVocabulary.SVG + "\"");
        List<String> elements = SvgCorpus.elements(once.text());
        assertThat(elements).allMatch(name -> name.startsWith(SVG)).hasSize(once.elements());
        assertThat(twice.text()).isEqualTo(once.text());
        assertThat(twice.width()).isEqualTo(once.width());
        assertThat(twice.height()).isEqualTo(once.height());
        assertThat(twice.elements()).isEqualTo(once.elements());
    }

    @Test
    void inkscapePlanKeepsTheDrawingAndDropsTheEditorsParts() {
        SanitizedSvg plan = sanitizer.sanitize(SvgCorpus.read("benign/inkscape-floor-plan.svg"));
        String text = plan.text();

        assertThat(SvgCorpus.elements(text)).containsExactly(SVG + "svg", SVG + "defs", SVG + "linearGradient",
                SVG + "stop", SVG + "stop", SVG + "linearGradient", SVG + "g", SVG + "rect", SVG + "path",
                SVG + "path", SVG + "g", SVG + "text", SVG + "tspan");
        assertThat(text).doesNotContain("inkscape", "sodipodi", "rdf", "metadata", "Created with",
                "Ground floor", "xmlns:svg");
        assertThat(text).contains("xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
                .contains("xlink:href=\"#floorGradient\"")
                .contains("style=\"fill:url(#floorGradientPlaced);stroke:#333333;stroke-width:12\"")
                .contains("d=\"M 600,50 V 450 H 1150\"")
                .contains("xml:space=\"preserve\"")
                .contains(">Kitchen</tspan>");
        assertThat(plan.width()).isEqualTo(1200);
        assertThat(plan.height()).isEqualTo(800);
        assertThat(plan.elements()).isEqualTo(13);
    }

    @Test
    void handWrittenPlanKeepsTextAndStyleEscaped() {
        SanitizedSvg plan = sanitizer.sanitize(SvgCorpus.read("benign/hand-written-plan.svg"));
        String text = plan.text();

        assertThat(text).contains("<title>Flat, first floor &amp; balcony</title>")
                .contains("bathroom &lt; 6 m²")
                .contains(".room &gt; text { font: 18px sans-serif; fill: url(#labelInk) }")
                .contains("fill=\"url('#lamp')\"")
                .contains("<text x=\"520\" y=\"470\">Bath<tspan dy=\"20\" x=\"520\">room</tspan></text>")
                .contains("<stop offset=\"0\" stop-color=\"#fff6c8\"/>")
                .doesNotContain("CDATA", "<!--", "xmlns:xlink");
        assertThat(SvgCorpus.elements(text)).contains(SVG + "radialGradient", SVG + "clipPath", SVG + "pattern",
                SVG + "marker", SVG + "polyline", SVG + "polygon", SVG + "circle", SVG + "ellipse", SVG + "line");
        assertThat(plan.width()).isEqualTo(800);
        assertThat(plan.height()).isEqualTo(600);
    }

    @Test
    void localSymbolsLinksAndTextPathsAreKept() {
        SanitizedSvg plan = sanitizer.sanitize(SvgCorpus.read("benign/symbols-plan.svg"));

        assertThat(plan.text()).contains("<use xlink:href=\"#door\"", "<use href=\"#door\"",
                "<textPath xlink:href=\"#route\">walk from the door to the garden</textPath>", "<a href=\"#route\">",
                "mask=\"url(#fade)\"");
        assertThat(plan.width()).isEqualTo(640);
        assertThat(plan.height()).isEqualTo(480);
    }

    @Test
    void millimetresAreConvertedToPixelsAt96Dpi() {
        SanitizedSvg plan = sanitizer.sanitize(SvgCorpus.read("benign/millimetre-plan.svg"));

        assertThat(plan.width()).isCloseTo(297 * 96 / 25.4, within(1e-9));
        assertThat(plan.height()).isCloseTo(210 * 96 / 25.4, within(1e-9));
        assertThat(plan.text()).contains("width=\"297mm\" height=\"210mm\"", "Bedroom 3.10 m × 4.25 m");
    }
}
