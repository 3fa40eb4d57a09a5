package com.renovation.media.catalog.service.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedManifestLoaderTest {

    @Test
    void filesResolveRelativeToTheManifest() {
        assertThat(SeedManifestLoader.resolve("seed/catalog.json", "a/b.jpg")).isEqualTo("seed/a/b.jpg");
        assertThat(SeedManifestLoader.resolve("seed-test/catalog.json", "../seed/a.jpg")).isEqualTo("seed/a.jpg");
        assertThat(SeedManifestLoader.resolve("file:/tmp/m/catalog.json", "x.jpg")).isEqualTo("file:/tmp/m/x.jpg");
        assertThatThrownBy(() -> SeedManifestLoader.resolve("catalog.json", "../../etc/passwd"))
                .isInstanceOf(SeedException.class);
    }

    @Test
    void readsAManifestFromADirectoryAndRefusesUnknownFields(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("catalog.json"), "{\"catalog\":\"d\",\"styles\":[{\"slug\":\"s\",\"name\":\"S\","
                + "\"images\":[{\"file\":\"x.bin\"}]}]}");
        Files.write(dir.resolve("x.bin"), new byte[] {1, 2, 3});
        SeedBundle bundle = SeedManifestLoader.load("file:" + dir.resolve("catalog.json"));
        assertThat(bundle.files().get("x.bin")).containsExactly(1, 2, 3);

        Files.writeString(dir.resolve("typo.json"), "{\"catalog\":\"d\",\"stlyes\":[]}");
        assertThatThrownBy(() -> SeedManifestLoader.load("file:" + dir.resolve("typo.json")))
                .isInstanceOf(SeedException.class).hasMessageContaining("stlyes");
        assertThatThrownBy(() -> SeedManifestLoader.load("no/such/manifest.json"))
                .isInstanceOf(SeedException.class);
    }
}
