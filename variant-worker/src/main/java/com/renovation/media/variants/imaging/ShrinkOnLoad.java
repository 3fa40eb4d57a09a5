package com.renovation.media.variants.imaging;

/**
 * How much smaller than stored a source may be decoded for a target size: JPEG decoders scale by 1/2, 1/4 or
 * 1/8 in the DCT domain (and libwebp by any factor) for a fraction of a full decode's work. The largest such
 * factor that still leaves the decoded image at least as large as the target in both dimensions, as sharp
 * does by default; the Lanczos3 resize after it does the rest.
 */
final class ShrinkOnLoad {

    private static final int[] FACTORS = {8, 4, 2};

    private ShrinkOnLoad() {
    }

    static int of(SourceFormat format, ImageSize upright, ImageSize target) {
        if (format == SourceFormat.PNG) {
            return 1;
        }
        double room = Math.min((double) upright.width() / target.width(), (double) upright.height() / target.height());
        for (int factor : FACTORS) {
            if (room >= factor) {
                return factor;
            }
        }
        return 1;
    }
}
