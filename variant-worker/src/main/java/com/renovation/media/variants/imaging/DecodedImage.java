package com.renovation.media.variants.imaging;

import java.awt.image.BufferedImage;

/**
 * Decoded pixels in a standard layout, still as stored: the orientation is applied after
 * resizing, where turning the image costs a fraction of turning the full-size one.
 *
 * @param subsampling the decode kept every n-th pixel of every n-th row (1 = all pixels)
 */
public record DecodedImage(BufferedImage stored, Orientation orientation, int subsampling) {

    public ImageSize uprightSize() {
        return orientation.upright(new ImageSize(stored.getWidth(), stored.getHeight()));
    }

    /** The decoded image turned upright: for callers that want the full-size pixels as seen. */
    public BufferedImage upright() {
        return orientation.apply(stored);
    }
}
