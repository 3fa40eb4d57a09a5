package com.renovation.media.storage.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One file per attack under svg/hostile, each refused for its own reason, saying where. */
class SvgHostileCorpusTest {

    private static final Map<String, SvgRefusal> EXPECTED = Map.ofEntries(
            Map.entry("xxe-file.svg", SvgRefusal.DOCTYPE),
            Map.entry("xxe-http.svg", SvgRefusal.DOCTYPE),
            Map.entry("parameter-entities.svg", SvgRefusal.DOCTYPE),
            Map.entry("billion-laughs.svg", SvgRefusal.DOCTYPE),
            Map.entry("quadratic-blowup.svg", SvgRefusal.DOCTYPE),
            Map.entry("xml-stylesheet.svg", SvgRefusal.PROCESSING_INSTRUCTION),
            Map.entry("script.svg", SvgRefusal.SCRIPT),
            Map.entry("script-other-namespace.svg", SvgRefusal.SCRIPT),
            Map.entry("onload.svg", SvgRefusal.EVENT_HANDLER),
            Map.entry("onclick.svg", SvgRefusal.EVENT_HANDLER),
            Map.entry("foreign-object.svg", SvgRefusal.FOREIGN_OBJECT),
            Map.entry("javascript-href.svg", SvgRefusal.EXTERNAL_REFERENCE),
            Map.entry("data-href.svg", SvgRefusal.EXTERNAL_REFERENCE),
            Map.entry("external-use.svg", SvgRefusal.EXTERNAL_REFERENCE),
            Map.entry("external-image.svg", SvgRefusal.EXTERNAL_REFERENCE),
            Map.entry("css-url.svg", SvgRefusal.EXTERNAL_REFERENCE),
            Map.entry("css-import.svg", SvgRefusal.EXTERNAL_REFERENCE),
            Map.entry("animate-href.svg", SvgRefusal.ELEMENT_NOT_ALLOWED),
            Map.entry("set.svg", SvgRefusal.ELEMENT_NOT_ALLOWED),
            Map.entry("xhtml-element.svg", SvgRefusal.ELEMENT_NOT_ALLOWED),
            Map.entry("not-svg-root.svg", SvgRefusal.NOT_SVG),
            Map.entry("deep-nesting.svg", SvgRefusal.TOO_COMPLEX),
            Map.entry("too-many-elements.svg", SvgRefusal.TOO_COMPLEX),
            Map.entry("malformed.svg", SvgRefusal.NOT_XML),
            Map.entry("utf7-declared.svg", SvgRefusal.NOT_XML),
            Map.entry("no-size.svg", SvgRefusal.NO_SIZE));

    private final SvgSanitizer sanitizer = new SvgSanitizer(SvgLimits.DEFAULT);

    static Stream<String> files() {
        return EXPECTED.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("files")
    void refusesEachAttackForItsReasonAndSaysWhere(String file) {
        SvgRefusedException refused = catchThrowableOfType(SvgRefusedException.class,
                () -> sanitizer.sanitize(SvgCorpus.read("hostile/" + file)));

        assertThat(refused).as(file).isNotNull();
        assertThat(refused.reason()).as(file + ": " + refused.getMessage()).isEqualTo(EXPECTED.get(file));
        assertThat(refused.getMessage()).as(file).matches("(?s).+, at line \\d+ column \\d+");
    }

    @Test
    void everyFileInTheCorpusHasItsExpectedReason() throws IOException, URISyntaxException {
        Path folder = Path.of(SvgHostileCorpusTest.class.getResource("/svg/hostile").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    EXPECTED.keySet());
        }
    }

    @Test
    void messagesNameWhatWasRefused() {
        assertThat(refusal("xxe-file.svg")).contains("DOCTYPE").contains("line 4 column");
        assertThat(refusal("xml-stylesheet.svg")).contains("xml-stylesheet").contains("line 2");
        assertThat(refusal("onclick.svg")).contains("onclick").contains("<rect>").contains("line 2");
        assertThat(refusal("external-use.svg")).contains("https://attacker.example/sprites.svg#payload");
        assertThat(refusal("css-url.svg")).contains("url(https://attacker.example/track.png)");
        assertThat(refusal("css-import.svg")).contains("@import").contains("<style>");
        assertThat(refusal("animate-href.svg")).contains("animation element <animate>");
        assertThat(refusal("deep-nesting.svg")).contains("nested more than 128 deep");
        assertThat(refusal("too-many-elements.svg")).contains("more than 100000 elements");
        assertThat(refusal("utf7-declared.svg")).contains("UTF-7");
        assertThat(refusal("malformed.svg")).startsWith("malformed XML: ").contains("line 2");
    }

    private String refusal(String file) {
        return catchThrowableOfType(SvgRefusedException.class,
                () -> sanitizer.sanitize(SvgCorpus.read("hostile/" + file))).getMessage();
    }
}
