package com.renovation.media.variants.imaging;

import org.imgscalr.Scalr;

import java.awt.image.BufferedImage;

/** imgscalr's QUALITY method, its output brought back to a standard layout. */
final class ImgscalrResizer implements Resizer {

    @Override
    public BufferedImage resize(BufferedImage source, int width, int height) {
        if (source.getWidth() == width && source.getHeight() == height) {
            return source;
        }
        BufferedImage scaled = Scalr.resize(source, Scalr.Method.QUALITY, Scalr.Mode.FIT_EXACT, width, height);
        return StandardImages.redraw(scaled, StandardImages.hasAlpha(source));
    }
}
