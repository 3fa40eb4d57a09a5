package com.renovation.media.variants.imaging;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariantPresetTest {

    @Test
    void thumbnailFitsWithin300x200KeepingAspect() {
        assertThat(StandardVariants.THUMBNAIL.fit(new ImageSize(4000, 3000))).isEqualTo(new ImageSize(267, 200));
        assertThat(StandardVariants.THUMBNAIL.fit(new ImageSize(3000, 4000))).isEqualTo(new ImageSize(150, 200));
        assertThat(StandardVariants.THUMBNAIL.fit(new ImageSize(6000, 2000))).isEqualTo(new ImageSize(300, 100));
    }

    @Test
    void optimizedHasAtMost1200PxOnTheLongSide() {
        assertThat(StandardVariants.OPTIMIZED.fit(new ImageSize(4000, 3000))).isEqualTo(new ImageSize(1200, 900));
        assertThat(StandardVariants.OPTIMIZED.fit(new ImageSize(3000, 4000))).isEqualTo(new ImageSize(900, 1200));
    }

    @Test
    void neverUpscales() {
        assertThat(StandardVariants.OPTIMIZED.fit(new ImageSize(800, 600))).isEqualTo(new ImageSize(800, 600));
        assertThat(StandardVariants.THUMBNAIL.fit(new ImageSize(120, 80))).isEqualTo(new ImageSize(120, 80));
    }

    @Test
    void extremeAspectRatiosKeepAtLeastOnePixel() {
        assertThat(StandardVariants.OPTIMIZED.fit(new ImageSize(20000, 5))).isEqualTo(new ImageSize(1200, 1));
        assertThat(StandardVariants.THUMBNAIL.fit(new ImageSize(1, 5000))).isEqualTo(new ImageSize(1, 200));
    }

    @Test
    void anySizeFitsTheBoxWithTheSourceAspect() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            ImageSize source = new ImageSize(1 + random.nextInt(9000), 1 + random.nextInt(9000));
            for (VariantPreset preset : StandardVariants.PRESETS) {
                ImageSize fit = preset.fit(source);
                assertThat(fit.width()).isBetween(1, Math.min(preset.maxWidth(), source.width()));
                assertThat(fit.height()).isBetween(1, Math.min(preset.maxHeight(), source.height()));
                // Aspect kept to within the rounding of one pixel on each side.
                double scale = (double) fit.width() / source.width();
                assertThat(Math.abs(source.height() * scale - fit.height()))
                        .isLessThanOrEqualTo(1.0 + source.height() / (double) source.width());
            }
        }
    }

    @Test
    void rejectsEmptyBoxes() {
        assertThatThrownBy(() -> new VariantPreset("x", 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VariantPreset(" ", 10, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsKnowTheirContentTypes() {
        assertThat(VariantFormat.JPEG.contentType()).isEqualTo("image/jpeg");
        assertThat(VariantFormat.WEBP.extension()).isEqualTo("webp");
        assertThat(VariantFormat.AVIF.contentType()).isEqualTo("image/avif");
    }
}
