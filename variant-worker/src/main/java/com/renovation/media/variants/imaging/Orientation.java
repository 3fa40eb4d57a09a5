package com.renovation.media.variants.imaging;

import java.awt.image.BufferedImage;

/**
 * The EXIF orientation (tag 0x0112): how the stored pixels must be turned to look upright.
 * Applied to the already-resized image, where moving pixels is cheap.
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

    /** The stored size that becomes the given upright size. */
    public ImageSize stored(ImageSize upright) {
        return transposes() ? upright.transposed() : upright;
    }

    /** The upright image; a standard image (see {@link StandardImages}) in, a new one out (or the same for NORMAL). */
    public BufferedImage apply(BufferedImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        int channels = StandardImages.channels(stored);
        byte[] src = StandardImages.bytes(stored);
        ImageSize out = upright(new ImageSize(w, h));
        byte[] dst = new byte[src.length];
        int di = 0;
        for (int dy = 0; dy < out.height(); dy++) {
            for (int dx = 0; dx < out.width(); dx++) {
                int si = (sourceY(dx, dy, w, h) * w + sourceX(dx, dy, w, h)) * channels;
                for (int c = 0; c < channels; c++) {
                    dst[di++] = src[si + c];
                }
            }
        }
        return StandardImages.wrap(dst, out.width(), out.height(), channels == 4);
    }

    private int sourceX(int dx, int dy, int w, int h) {
        return switch (this) {
            case NORMAL, MIRROR_VERTICAL -> dx;
            case MIRROR_HORIZONTAL, ROTATE_180 -> w - 1 - dx;
            case TRANSPOSE, ROTATE_90_CW -> dy;
            case TRANSVERSE, ROTATE_270_CW -> w - 1 - dy;
        };
    }

    private int sourceY(int dx, int dy, int w, int h) {
        return switch (this) {
            case NORMAL, MIRROR_HORIZONTAL -> dy;
            case ROTATE_180, MIRROR_VERTICAL -> h - 1 - dy;
            case TRANSPOSE, ROTATE_270_CW -> dx;
            case ROTATE_90_CW, TRANSVERSE -> h - 1 - dx;
        };
    }
}
