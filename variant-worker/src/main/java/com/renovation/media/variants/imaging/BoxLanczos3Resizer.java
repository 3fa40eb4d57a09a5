package com.renovation.media.variants.imaging;

import java.awt.image.BufferedImage;

/**
 * Averages k×k blocks first (cheap, exact for integer factors), then resamples the remaining
 * factor with Lanczos3. The box step is kept to at most scale / {@value #LANCZOS_HEADROOM} so
 * that Lanczos3 still does a real reduction and filters out what box averaging lets alias.
 */
final class BoxLanczos3Resizer implements Resizer {

    /**
     * Tuned with bench/images on detailed 12/24 MP photos: 1.5 gave ~47 dB against pure Lanczos3
     * in about half its time; 1.0 was faster still but ~40 dB (moiré on fine stripes).
     */
    static final double LANCZOS_HEADROOM = 1.5;

    private final double lanczosHeadroom;

    BoxLanczos3Resizer() {
        this(LANCZOS_HEADROOM);
    }

    BoxLanczos3Resizer(double lanczosHeadroom) {
        this.lanczosHeadroom = lanczosHeadroom;
    }

    @Override
    public BufferedImage resize(BufferedImage source, int width, int height) {
        int srcWidth = source.getWidth();
        int srcHeight = source.getHeight();
        if (srcWidth == width && srcHeight == height) {
            return source;
        }
        int channels = StandardImages.channels(source);
        byte[] pixels = StandardImages.bytes(source);
        double scale = Math.min((double) srcWidth / width, (double) srcHeight / height);
        int k = (int) Math.floor(scale / lanczosHeadroom);
        double extentWidth = srcWidth;
        double extentHeight = srcHeight;
        if (k >= 2) {
            pixels = BoxShrink.shrink(pixels, srcWidth, srcHeight, channels, k);
            // A partial last block still stands for less than k source pixels: keep the geometry exact.
            extentWidth = (double) srcWidth / k;
            extentHeight = (double) srcHeight / k;
            srcWidth = (srcWidth + k - 1) / k;
            srcHeight = (srcHeight + k - 1) / k;
        }
        byte[] out = Lanczos3.resample(pixels, srcWidth, srcHeight, channels, extentWidth, extentHeight, width, height);
        return StandardImages.wrap(out, width, height, channels == 4);
    }
}
