package com.renovation.media.variants.imaging;

/**
 * The EXIF orientation (tag 0x0112): how the stored pixels must be turned to look upright. libvips applies
 * it; the pipeline needs it only to know the upright size before decoding.
 */
public enum Orientation {
    NORMAL(1), MIRROR_HORIZONTAL(2), ROTATE_180(3), MIRROR_VERTICAL(4),
    TRANSPOSE(5), ROTATE_90_CW(6), TRANSVERSE(7), ROTATE_270_CW(8);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    public int exifValue() {
        return exifValue;
    }

    /** Unknown values mean "leave as stored", as viewers do. */
    public static Orientation fromExif(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /** Whether width and height swap. */
    public boolean transposes() {
        return exifValue >= 5;
    }

    public ImageSize upright(ImageSize stored) {
        return transposes() ? stored.transposed() : stored;
    }
}
