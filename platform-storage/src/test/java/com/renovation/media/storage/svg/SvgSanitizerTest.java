package com.renovation.media.storage.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SvgSanitizerTest {

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">";

    private final SvgSanitizer sanitizer = new SvgSanitizer(SvgLimits.DEFAULT);

    @Test
    void utf16WithByteOrderMarksAndUtf8WithOneAreReadAndWrittenAsUtf8() {
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + OPEN + "<text>Küche 北京</text></svg>";
        byte[] bigEndian = svg.getBytes(StandardCharsets.UTF_16);
        byte[] littleEndian = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, svg.getBytes(StandardCharsets.UTF_16LE));
        byte[] utf8WithBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (OPEN + "<text>Küche 北京</text></svg>").getBytes(StandardCharsets.UTF_8));

        for (byte[] input : new byte[][] {bigEndian, littleEndian, utf8WithBom}) {
            assertThat(sanitizer.sanitize(input).text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                    .contains("<text>Küche 北京</text>");
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = (OPEN + "<text>Küche</text></svg>").getBytes(StandardCharsets.ISO_8859_1);

        assertRefused(sanitizer, latin1, SvgRefusal.NOT_XML, "not UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "US-ASCII", "UTF-16", "windows-1252", "UTF-7"})
    void aDeclaredEncodingOtherThanTheBytesIsRefused(String encoding) {
        String svg = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>" + OPEN + "</svg>";

        assertRefused(svg, SvgRefusal.NOT_XML, encoding);
    }

    @Test
    void elementsWithoutNamespaceAreSvg() {
        SanitizedSvg svg = sanitize("<svg width=\"40\" height=\"30\"><rect width=\"4\" height=\"3\"/></svg>");

        assertThat(svg.text()).endsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\">"
                + "<rect width=\"4\" height=\"3\"/></svg>\n");
        assertThat(svg.elements()).isEqualTo(2);
    }

    @Test
    void anSvgRootInAnotherNamespaceIsNotSvg() {
        assertRefused("<svg xmlns=\"urn:other\" viewBox=\"0 0 1 1\"/>", SvgRefusal.NOT_SVG, "urn:other");
    }

    @Test
    void aPrefixedSvgRootBecomesTheDefaultNamespace() {
        String svg = sanitize("<s:svg xmlns:s=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><s:g/></s:svg>")
                .text();

        assertThat(svg).endsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><g/></svg>\n");
    }

    @Test
    void xml11IsRefusedForTheControlCharactersItAdmits() {
        assertRefused("<?xml version=\"1.1\"?>" + OPEN + "<text>&#1;</text></svg>", SvgRefusal.NOT_XML,
                "XML version 1.1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "viewBox='0 0 300 200' width='100%' height='100%'; 300; 200",
        "viewBox='-5,-5,300,200'; 300; 200",
        "viewBox=' 0  0  1.5e2  .5 '; 150; 0.5",
        "viewBox='0 0 0 200' width='40' height='30'; 40; 30",
        "viewBox='nonsense' width='40px' height='30'; 40; 30",
        "width='2in' height='72pt'; 192; 96",
        "width='2.54cm' height='1pc'; 96; 16",
        "width='25.4mm' height='10'; 96; 10"})
    void sizeComesFromTheViewBoxElseFromWidthAndHeight(String attributes, double width, double height) {
        SanitizedSvg svg = sanitize("<svg " + attributes.replace('\'', '"') + "/>");

        assertThat(svg.width()).isCloseTo(width, within(1e-9));
        assertThat(svg.height()).isCloseTo(height, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "width='100%' height='100%'", "width='10em' height='10'", "width='10'",
        "viewBox='0 0 -1 5'", "viewBox='0 0 NaN 5'", "viewBox='0 0 Infinity 5'", "width='0x10' height='5'",
        "viewBox='0 0 1e300 5'", "width='1e7' height='5'"})
    void withoutAUsableSizeTheDrawingIsRefused(String attributes) {
        assertRefused("<svg " + attributes.replace('\'', '"') + "/>", SvgRefusal.NO_SIZE, "line 1 column");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://a.example/x.svg#a", "file:///etc/passwd", "//a.example/x", "x.svg#a", "#",
        "", "#a b", "#a)", "javascript:void(0)//#a", " data:image/png;base64,AAAA"})
    void onlyLinksToAnIdInsideTheDrawingAreAccepted(String link) {
        assertRefused(OPEN + "<use href=\"" + link + "\"/></svg>", SvgRefusal.EXTERNAL_REFERENCE, "<use>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "fill:url(http://a.example/x.png)",
        "fill:URL( \"https://a.example/x\" )",
        "fill:\\75 rl(https://a.example/x)",
        "fill:url(#a) , url(data:image/png;base64,AAAA)",
        "background:image-set(\"https://a.example/x.png\" 1x)",
        "background:-webkit-image-set('x.png' 1x)",
        "@\\69mport 'x.css'",
        "@im/* split */port 'x.css'",
        "cursor:url(#a), url( 'javascript:alert(1)' )"})
    void cssMayReferToNothingOutsideTheDrawing(String css) {
        String escaped = css.replace("&", "&amp;").replace("\"", "&quot;");

        assertRefused(OPEN + "<rect style=\"" + escaped + "\"/></svg>", SvgRefusal.EXTERNAL_REFERENCE, "style");
        assertRefused(OPEN + "<style>.a{" + css.replace("&", "&amp;").replace("<", "&lt;") + "}</style></svg>",
                SvgRefusal.EXTERNAL_REFERENCE, "<style>");
    }

    /** A drawing's body (inside an ordinary svg root), the reason it is refused for, and what the message names. */
    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                // an HTML parser lower-cases names, so these run when the SVG is pasted into a page
                arguments("<SCRIPT>alert(1)</SCRIPT>", SvgRefusal.SCRIPT, "<SCRIPT>"),
                arguments("<rect ONLOAD=\"alert(1)\"/>", SvgRefusal.EVENT_HANDLER, "ONLOAD"),
                arguments("<a HREF=\"javascript:alert(1)\"/>", SvgRefusal.EXTERNAL_REFERENCE, "HREF"),
                arguments("<foreignobject/>", SvgRefusal.FOREIGN_OBJECT, "foreignobject"),
                // handlers and links in any namespace
                arguments("<rect xmlns:x=\"urn:x\" x:onmouseover=\"alert(1)\"/>", SvgRefusal.EVENT_HANDLER,
                        "onmouseover"),
                arguments("<use xmlns:l=\"urn:not-xlink\" l:href=\"http://a.example/\"/>",
                        SvgRefusal.EXTERNAL_REFERENCE, "http://a.example/"),
                arguments("<a href=\"#x\" ping=\"https://a.example/track\"/>", SvgRefusal.EXTERNAL_REFERENCE, "ping"),
                // presentation attributes are CSS too
                arguments("<rect fill=\"url(https://a.example/x)\"/>", SvgRefusal.EXTERNAL_REFERENCE, "fill of <rect>"),
                arguments("<g filter=\"url('x.svg#f')\"/>", SvgRefusal.EXTERNAL_REFERENCE, "filter"),
                arguments("<g style=\"width:expression(alert(1))\"/>", SvgRefusal.SCRIPT, "expression"),
                // outside the allow-list
                arguments("<image href=\"#a\"/>", SvgRefusal.ELEMENT_NOT_ALLOWED, "<image>"),
                arguments("<filter id=\"f\"/>", SvgRefusal.ELEMENT_NOT_ALLOWED, "<filter>"),
                arguments("<animateTransform/>", SvgRefusal.ELEMENT_NOT_ALLOWED, "animation"),
                arguments("<discard/>", SvgRefusal.ELEMENT_NOT_ALLOWED, "animation"),
                arguments("<x:rect xmlns:x=\"urn:x\"/>", SvgRefusal.ELEMENT_NOT_ALLOWED, "urn:x"),
                arguments("<style>.a{}<g/></style>", SvgRefusal.ELEMENT_NOT_ALLOWED, "inside <style>"),
                // a script is refused even where the rest would be dropped
                arguments("<metadata><script>alert(1)</script></metadata>", SvgRefusal.SCRIPT, "script"),
                arguments("<i:x xmlns:i=\"http://www.inkscape.org/namespaces/inkscape\"><i:script/></i:x>",
                        SvgRefusal.SCRIPT, "script"),
                // without a DOCTYPE an entity is undeclared, so malformed
                arguments("<text>&xxe;</text>", SvgRefusal.NOT_XML, "xxe"));
    }

    @ParameterizedTest
    @MethodSource("refusedBodies")
    void refusesForItsReasonNamingWhat(String body, SvgRefusal reason, String what) {
        assertRefused(OPEN + body + "</svg>", reason, what);
    }

    @Test
    void localCssReferencesAndOrdinaryFunctionsAreAccepted() {
        String svg = sanitize(OPEN + "<g transform=\"translate(1 2) rotate(45)\" style=\"fill:url( '#a' );"
                + "stroke:rgb(1,2,3)\" clip-path=\"url(#c)\"/></svg>").text();

        assertThat(svg).contains("transform=\"translate(1 2) rotate(45)\"",
                "style=\"fill:url( '#a' );stroke:rgb(1,2,3)\"");
    }

    @Test
    void editorAttributesUnknownNamespacesAndXmlBaseAreDropped() {
        String svg = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " xmlns:i=\"http://www.inkscape.org/namespaces/inkscape\""
                + " xmlns:x=\"urn:x\" xmlns:ai=\"http://ns.adobe.com/AdobeIllustrator/10.0/\" viewBox=\"0 0 1 1\""
                + " i:version=\"1\" x:data=\"2\" xml:base=\"http://a.example/\" xml:lang=\"de\">"
                + "<ai:pgf>junk</ai:pgf><g xml:space=\"preserve\" x:foo=\"y\"/></svg>").text();

        assertThat(svg).endsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\" xml:lang=\"de\">"
                + "<g xml:space=\"preserve\"/></svg>\n");
    }

    @Test
    void escapingSurvivesASecondPass() {
        String input = OPEN + "<text x=\"1\" data-q='say \"hi\" &amp; &lt;bye>' data-n=\"a&#10;b&#9;c&#13;d\">"
                + "]]&gt; &amp;amp; &#13; <![CDATA[<raw> & ]]></text></svg>";
        SanitizedSvg once = sanitize(input);
        SanitizedSvg twice = sanitizer.sanitize(once.content());

        assertThat(once.text()).contains("data-q=\"say &quot;hi&quot; &amp; &lt;bye&gt;\"",
                "data-n=\"a&#10;b&#9;c&#13;d\"", "]]&gt; &amp;amp; &#13; &lt;raw&gt; &amp; </text>");
        assertThat(twice.text()).isEqualTo(once.text());
    }

    @Test
    void limitsAreOwnedByTheCaller() {
        SvgSanitizer small = new SvgSanitizer(new SvgLimits(200, 3, 2));

        assertRefused(small, OPEN + "<g/><g/><g/></svg>", SvgRefusal.TOO_COMPLEX, "more than 3 elements");
        assertRefused(small, OPEN + "<g><g/></g></svg>", SvgRefusal.TOO_COMPLEX, "more than 2 deep");
        assertRefused(small, OPEN + "<text>" + "x".repeat(200) + "</text></svg>", SvgRefusal.TOO_LARGE,
                "at most 200");
        assertThat(small.sanitize(bytes(OPEN + "<g/><g/></svg>")).elements()).isEqualTo(3);
    }

    @Test
    void anOutputLongerThanTheLimitIsRefusedToo() {
        String input = OPEN + "<text>" + ">".repeat(100) + "</text></svg>";
        SvgSanitizer limited = new SvgSanitizer(new SvgLimits(input.length() + 10, 10, 10));

        assertRefused(limited, input, SvgRefusal.TOO_LARGE, "normalised, the document is");
    }

    /** No timing: this only shows that a document at the size limit goes through in one piece. */
    @Test
    void fiveMebibytesOfPathsAreSanitised() {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4000 4000\">\n");
        String path = "<path d=\"M10.5 20.25L3000 2000.75C100 200 300 400 500 600Z\" stroke=\"#333\" fill=\"none\"/>\n";
        int paths = 0;
        // room for the declaration the output gains
        while (svg.length() + path.length() + 100 < SvgLimits.DEFAULT.maxBytes()) {
            svg.append(path);
            paths++;
        }
        svg.append("</svg>\n");

        SanitizedSvg sanitized = sanitize(svg.toString());

        assertThat(sanitized.elements()).isEqualTo(paths + 1);
        assertThat(sanitized.content().length).isGreaterThan(5_000_000);
    }

    private SanitizedSvg sanitize(String svg) {
        return sanitizer.sanitize(bytes(svg));
    }

    private void assertRefused(String svg, SvgRefusal reason, String messagePart) {
        assertRefused(sanitizer, bytes(svg), reason, messagePart);
    }

    private static void assertRefused(SvgSanitizer sanitizer, String svg, SvgRefusal reason, String messagePart) {
        assertRefused(sanitizer, bytes(svg), reason, messagePart);
    }

    private static void assertRefused(SvgSanitizer sanitizer, byte[] svg, SvgRefusal reason, String messagePart) {
        SvgRefusedException refused = catchThrowableOfType(SvgRefusedException.class, () -> sanitizer.sanitize(svg));
        assertThat(refused).isNotNull();
        assertThat(refused.reason()).as(refused.getMessage()).isEqualTo(reason);
        assertThat(refused.getMessage()).contains(messagePart);
    }

    private static byte[] bytes(String svg) {
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
