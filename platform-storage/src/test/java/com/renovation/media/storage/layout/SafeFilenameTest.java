package com.renovation.media.storage.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeFilenameTest {

    @Test
    void dropsPathPartsOfBothPlatforms() {
        assertThat(SafeFilename.of("../../etc/passwd").display()).isEqualTo("passwd");
        assertThat(SafeFilename.of("C:\\Users\\me\\kitchen.jpg").display()).isEqualTo("kitchen.jpg");
    }

    @Test
    void removesControlAndBidiCharacters() {
        SafeFilename name = SafeFilename.of("evil\u0000\n\u202Egpj.exe");
        assertThat(name.display()).isEqualTo("evilgpj.exe");
        assertThat(name.keyPart()).isEqualTo("evilgpj.exe");
    }

    @Test
    void keepsUnicodeForDisplayButKeysAreAscii() {
        SafeFilename name = SafeFilename.of("Küche (neu) 北京.JPG");
        assertThat(name.display()).isEqualTo("Küche (neu) 北京.JPG");
        assertThat(name.keyPart()).isEqualTo("kuche_neu_.jpg");
    }

    @Test
    void hiddenAndDotOnlyNames() {
        assertThat(SafeFilename.of(".htaccess").display()).isEqualTo("htaccess");
        assertThatThrownBy(() -> SafeFilename.of("../..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafeFilename.of("  \u0007 ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SafeFilename.of("北京").keyPart()).isEqualTo("file");
    }

    @Test
    void capsLengthKeepingTheExtension() {
        SafeFilename name = SafeFilename.of("a".repeat(400) + ".jpeg");
        assertThat(name.display()).hasSize(SafeFilename.MAX_DISPLAY_LENGTH).endsWith(".jpeg");
        assertThat(name.keyPart()).hasSize(SafeFilename.MAX_KEY_PART_LENGTH).endsWith(".jpeg");
    }
}
