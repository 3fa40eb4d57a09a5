package com.renovation.media.variants.imaging;

import java.awt.image.BufferedImage;

/** Scales a standard image (see {@link StandardImages}) down to an exact size. Implementations are stateless. */
public interface Resizer {

    /** A standard image of exactly width×height; the source itself when it already has that size. */
    BufferedImage resize(BufferedImage source, int width, int height);

    default BufferedImage resize(BufferedImage source, ImageSize size) {
        return resize(source, size.width(), size.height());
    }
}
