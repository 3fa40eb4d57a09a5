package com.renovation.media.variants.imaging;

import com.renovation.media.variants.imaging.vips.VipsImage;

/**
 * The encoder settings of each format, stated once, and the encode itself. Nothing of the source's metadata
 * reaches the output (no EXIF, GPS, XMP or ICC: sRGB is implied); JPEG, which has no alpha, gets transparency
 * composited over white.
 */
public final class VariantEncoder {

    /** Quality on the 1–100 scale, as recorded with each variant. */
    public static final int JPEG_QUALITY = 80;
    public static final int WEBP_QUALITY = 80;
    /** libwebp's default effort (0 fastest … 6 smallest): effort 2 is ~30 % faster but ~10 % larger. */
    public static final int WEBP_EFFORT = 4;
    /**
     * AVIF quality and AV1 encoder effort (0 fastest … 9 smallest). bench/images/run.sh's sweep of a 1200 px
     * photo: effort 1 takes ~90 ms for 55 KB, effort 3 ~460 ms for 52 KB, effort 4 (sharp's default) ~2.3 s for
     * 44 KB: effort 1 keeps AVIF at about a WebP encode's cost, still 45 % smaller than the WebP.
     */
    public static final int AVIF_QUALITY = 50;
    public static final int AVIF_EFFORT = 1;

    private VariantEncoder() {
    }

    /** The quality {@link #encode} writes {@code format} with, on the 1–100 scale. */
    public static int quality(VariantFormat format) {
        return switch (format) {
            case JPEG -> JPEG_QUALITY;
            case WEBP -> WEBP_QUALITY;
            case AVIF -> AVIF_QUALITY;
        };
    }

    public static byte[] encode(VipsImage image, VariantFormat format) {
        return switch (format) {
            case JPEG -> {
                try (VipsImage opaque = image.flattenedOnWhite()) {
                    yield opaque.jpeg(JPEG_QUALITY);
                }
            }
            case WEBP -> image.webp(WEBP_QUALITY, WEBP_EFFORT);
            case AVIF -> image.avif(AVIF_QUALITY, AVIF_EFFORT);
        };
    }
}
