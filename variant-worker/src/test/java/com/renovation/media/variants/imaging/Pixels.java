package com.renovation.media.variants.imaging;

import java.awt.image.BufferedImage;

/** Assertion helpers on decoded pixels. */
final class Pixels {

    private Pixels() {
    }

    static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    static int red(BufferedImage image, int x, int y) {
        return grey(image) ? image.getRaster().getSample(x, y, 0) : (image.getRGB(x, y) >> 16) & 0xFF;
    }

    static int green(BufferedImage image, int x, int y) {
        return grey(image) ? image.getRaster().getSample(x, y, 0) : (image.getRGB(x, y) >> 8) & 0xFF;
    }

    static int blue(BufferedImage image, int x, int y) {
        return grey(image) ? image.getRaster().getSample(x, y, 0) : image.getRGB(x, y) & 0xFF;
    }

    /**
     * A one-band image (a grey JPEG) as its stored value: Java2D takes grey as linear light and would brighten
     * it through getRGB, where browsers show the value as sRGB.
     */
    private static boolean grey(BufferedImage image) {
        return image.getRaster().getNumBands() == 1;
    }

    /** "r,g,b" of a pixel, for readable assertion messages. */
    static String rgb(BufferedImage image, int x, int y) {
        return red(image, x, y) + "," + green(image, x, y) + "," + blue(image, x, y);
    }

    /** Peak signal-to-noise ratio over the colour channels of two same-sized images, in dB. */
    static double psnr(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ: " + a.getWidth() + "×" + a.getHeight()
                    + " vs " + b.getWidth() + "×" + b.getHeight());
        }
        double sum = 0;
        int w = a.getWidth();
        int[] rowA = new int[w];
        int[] rowB = new int[w];
        for (int y = 0; y < a.getHeight(); y++) {
            a.getRGB(0, y, w, 1, rowA, 0, w);
            b.getRGB(0, y, w, 1, rowB, 0, w);
            for (int x = 0; x < w; x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = ((rowA[x] >> shift) & 0xFF) - ((rowB[x] >> shift) & 0xFF);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * w * a.getHeight());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
