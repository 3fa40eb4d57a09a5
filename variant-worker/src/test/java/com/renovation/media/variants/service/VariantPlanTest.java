package com.renovation.media.variants.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.variants.imaging.ImageProbe;
import com.renovation.media.variants.imaging.VariantFormat;
import com.renovation.media.variants.imaging.VariantPreset;
import com.renovation.media.variants.config.VariantConfig;
import com.renovation.media.variants.config.VariantConfigs;
import com.renovation.media.contracts.events.payload.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The plan read from {@code platform.variants.*}: typed presets and formats; the shipped defaults. */
class VariantPlanTest {

    @Test
    void theShippedConfigurationMakesTheStandardPresetsWithTheImagingLimits() {
        VariantConfig config = VariantConfigs.with(Map.of());

        assertThat(new VariantPlan(config).presets()).containsExactly(
                new VariantPreset("optimized", 1200, 1200), new VariantPreset("thumbnail", 300, 200));
        assertThat(config.formats()).containsExactly(VariantFormat.JPEG, VariantFormat.WEBP, VariantFormat.AVIF);
        assertThat(config.maxPixels()).isEqualTo(ImageProbe.DEFAULT_MAX_PIXELS).isEqualTo(50_000_000L);
        assertThat(config.maxSourceBytes()).isEqualTo(ImageProbe.DEFAULT_MAX_BYTES).isEqualTo(50L * 1024 * 1024);
        assertThat(config.maxJpegScans()).isEqualTo(ImageProbe.DEFAULT_MAX_JPEG_SCANS).isEqualTo(100);
        VariantPlan plan = new VariantPlan(config);
        assertThat(plan.webFormats()).containsExactly(VariantFormat.JPEG, VariantFormat.WEBP);
        assertThat(plan.laterFormats()).containsExactly(VariantFormat.AVIF);
        assertThat(plan.expectedVariants(source(null))).isEqualTo(4);
    }

    @Test
    void aPlansFormatsNarrowWhatIsMadeButNeverLeaveASourceWithoutWebVariants() {
        VariantPlan plan = new VariantPlan(VariantConfigs.with(Map.of("platform.variants.formats", "jpeg,webp")));

        assertThat(plan.webFormatsOf(source(null))).containsExactly(VariantFormat.JPEG, VariantFormat.WEBP);
        assertThat(plan.webFormatsOf(source(List.of("webp", "avif")))).containsExactly(VariantFormat.WEBP);
        assertThat(plan.expectedVariants(source(List.of("jpeg")))).isEqualTo(2);
        assertThat(plan.laterFormatsOf(source(List.of("jpeg", "webp", "avif")))).as("AVIF is not configured").isEmpty();
        // a plan allowing no configured web format still gets them: the source must become ready
        assertThat(plan.webFormatsOf(source(List.of("avif")))).containsExactly(VariantFormat.JPEG, VariantFormat.WEBP);
    }

    private static SourceImage source(List<String> formats) {
        return new SourceImage(SourceKind.ROOM_ASSET, UUID.randomUUID(), UUID.randomUUID(), "user-uploads",
                "session_x/room_y/photos/1_a.jpg", "image/jpeg", formats);
    }

    @Test
    void presetsAndFormatsAreReadAsTypes() {
        VariantConfig config = VariantConfigs.with(Map.of(
                "platform.variants.presets.square.max-width", "640",
                "platform.variants.presets.square.max-height", "640",
                "platform.variants.formats", "webp, JPEG"));

        assertThat(new VariantPlan(config).presets()).contains(new VariantPreset("square", 640, 640)).hasSize(3);
        assertThat(config.formats()).containsExactly(VariantFormat.WEBP, VariantFormat.JPEG);
    }

    @Test
    void anUnknownFormatOrAnIncompletePresetOrNoWebFormatStopsTheStart() {
        assertThatThrownBy(() -> VariantConfigs.with(Map.of("platform.variants.formats", "jpeg,gif")))
                .hasMessageContaining("gif");
        assertThatThrownBy(() -> new VariantPlan(VariantConfigs.with(Map.of("platform.variants.formats", "avif"))))
                .hasMessageContaining("would never make a source ready");
        assertThatThrownBy(() -> VariantConfigs.with(Map.of("platform.variants.presets.wide.max-width", "2000")))
                .hasMessageContaining("platform.variants.presets.wide.max-height");
        VariantConfig flat = VariantConfigs.with(Map.of("platform.variants.presets.flat.max-width", "100",
                "platform.variants.presets.flat.max-height", "0"));
        assertThatThrownBy(() -> new VariantPlan(flat)).hasMessageContaining("100×0");
    }

    @Test
    void theLargestPresetComesFirstWhateverOrderTheMapGives() {
        assertThat(VariantPlan.presets(Map.of("a", box(10, 10), "b", box(50, 40), "c", box(20, 20))))
                .extracting(VariantPreset::name).isEqualTo(List.of("b", "c", "a"));
    }

    private static VariantConfig.Box box(int width, int height) {
        return new VariantConfig.Box() {
            @Override
            public int maxWidth() {
                return width;
            }

            @Override
            public int maxHeight() {
                return height;
            }
        };
    }
}
