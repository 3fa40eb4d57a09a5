package com.renovation.media.assets.service.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void theNameBecomesAReadableAsciiPrefix() {
        assertThat(Slugs.readable("  Küche & Bad!  ")).isEqualTo("kuche-bad");
        assertThat(Slugs.readable("Living room -- 2024 (final)")).isEqualTo("living-room-2024-final");
        assertThat(Slugs.readable("★★★")).isEmpty();
        assertThat(Slugs.readable("ab ".repeat(40))).hasSizeLessThanOrEqualTo(60).doesNotEndWith("-")
                .startsWith("ab-ab");
    }

    @Test
    void sixteenRandomBase32CharactersFollowSoNoSlugCanBeGuessed() {
        assertThat(Slugs.of("Kitchen")).matches("kitchen-[a-z2-7]{16}");
        assertThat(Slugs.of("!!!")).matches("[a-z2-7]{16}");
        assertThat(Slugs.of("x".repeat(200))).matches("x{60}-[a-z2-7]{16}").matches("[a-z0-9-]{8,120}");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Slugs.of("same"));
        }
        assertThat(seen).hasSize(10_000);
    }
}
