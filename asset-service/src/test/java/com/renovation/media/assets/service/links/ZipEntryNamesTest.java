package com.renovation.media.assets.service.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ZipEntryNamesTest {

    private static List<String> namesOf(String... filenames) {
        ZipEntryNames names = new ZipEntryNames();
        return Stream.of(filenames).map(names::next).toList();
    }

    @Test
    void repeatedNamesAreNumberedBeforeTheExtension() {
        assertThat(namesOf("a.jpg", "a.jpg", "b.png", "a.jpg", "README", "README"))
                .containsExactly("a.jpg", "a (2).jpg", "b.png", "a (3).jpg", "README", "README (2)");
    }

    @Test
    void namesDifferingOnlyInCaseCountAsTheSame() {
        assertThat(namesOf("Kitchen.JPG", "kitchen.jpg", "KITCHEN.jpg"))
                .containsExactly("Kitchen.JPG", "kitchen (2).jpg", "KITCHEN (3).jpg");
    }

    @Test
    void aNumberedNameAlreadyTakenByAFileIsSkipped() {
        assertThat(namesOf("a (2).jpg", "a.jpg", "a.jpg")).containsExactly("a (2).jpg", "a.jpg", "a (3).jpg");
    }

    @Test
    void noNameLeavesTheFolderItIsUnpackedInto() {
        List<String> names = namesOf("../../etc/passwd", "..\\..\\windows\\win.ini", "/abs/path.jpg",
                "a..b.jpg", "....", "..", "C:photo.jpg", "x/../../y.jpg");
        assertThat(names).containsExactly("passwd", "win.ini", "path.jpg", "a.b.jpg", "file", "file (2)",
                "C_photo.jpg", "y.jpg");
        assertThat(names).allSatisfy(n -> assertThat(n).doesNotContain("/", "\\", "..", ":"));
    }

    @Test
    void controlAndReservedCharactersGoAndNothingUsableLeavesAFallback() {
        assertThat(namesOf("tab\there.jpg", "new\nline.jpg", "bidi\u202Etxt.jpg", "what?.jpg", "q\"uote*.jpg",
                "   ", null, "\u0000\u0001", "trailing. . ."))
                .containsExactly("tabhere.jpg", "newline.jpg", "biditxt.jpg", "what_.jpg", "q_uote_.jpg", "file",
                        "file (2)", "file (3)", "trailing");
    }

    @Test
    void lettersOfAnyScriptStay() {
        assertThat(namesOf("Küche – vorher.jpg", "厨房.png")).containsExactly("Küche – vorher.jpg", "厨房.png");
    }
}
