package com.renovation.media.variants.imaging;

import java.awt.image.BufferedImage;

/**
 * Test and benchmark access to the resampler internals: an ideal Lanczos3 (no box pre-shrink)
 * as the quality reference, and the box+Lanczos3 resizer with other headrooms to tune against.
 */
public final class ResamplingReference {

    private ResamplingReference() {
    }

    /** Pure Lanczos3 straight from the full-size image: slow, and as good as this kernel gets. */
    public static BufferedImage lanczos3(BufferedImage source, ImageSize size) {
        return new BoxLanczos3Resizer(Double.POSITIVE_INFINITY).resize(StandardImages.standardize(source), size);
    }

    public static Resizer boxLanczos3(double lanczosHeadroom) {
        return new BoxLanczos3Resizer(lanczosHeadroom);
    }

    public static BufferedImage standardize(BufferedImage image) {
        return StandardImages.standardize(image);
    }

    public static BufferedImage flattenOnWhite(BufferedImage standard) {
        return StandardImages.flattenOnWhite(standard);
    }
}
