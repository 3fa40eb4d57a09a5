package com.renovation.media.variants.imaging;

import java.util.List;

/** The worker's standard presets (as application.properties states them) and a pipeline with the default limits. */
public final class StandardVariants {

    public static final VariantPreset THUMBNAIL = new VariantPreset("thumbnail", 300, 200);
    public static final VariantPreset OPTIMIZED = new VariantPreset("optimized", 1200, 1200);
    public static final List<VariantPreset> PRESETS = List.of(THUMBNAIL, OPTIMIZED);

    private StandardVariants() {
    }

    public static VariantPipeline pipeline() {
        return new VariantPipeline(new ImageProbe());
    }
}
