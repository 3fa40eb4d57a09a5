package com.renovation.media.variants.imaging.bench;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.File;
import java.io.IOException;
import java.util.Random;

/**
 * Writes a photo-like JPEG (quality 90): smooth gradients, value-noise texture at a few scales,
 * hard-edged shapes, a tiled wall (thin grout lines) and fine wood-like stripes, and sensor-like
 * grain — so it compresses and resizes roughly like a camera picture of a room, and fine
 * periodic detail shows any aliasing (moiré) a resizer lets through.
 *
 * <p>Usage: {@code SyntheticPhoto out.jpg width height [seed] [grain sigma, 6; a noisy high-ISO photo: 20]}
 */
public final class SyntheticPhoto {

    private SyntheticPhoto() {
    }

    public static void main(String[] args) throws IOException {
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        double grain = args.length > 4 ? Double.parseDouble(args[4]) : 6;
        BufferedImage image = render(width, height, seed, grain);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.90f);
        File out = new File(args[0]);
        out.delete();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        System.out.printf("%s: %d×%d, %.1f MB%n", out, width, height, out.length() / 1e6);
    }

    static BufferedImage render(int width, int height, long seed, double grainSigma) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        ValueNoise coarse = new ValueNoise(random, Math.max(width, height) / 6.0);
        ValueNoise medium = new ValueNoise(random, 40);
        ValueNoise fine = new ValueNoise(random, 6);
        double[][] blobs = new double[24][];
        for (int i = 0; i < blobs.length; i++) { // x, y, radius, r, g, b
            blobs[i] = new double[]{random.nextDouble() * width, random.nextDouble() * height,
                    (0.03 + random.nextDouble() * 0.15) * width, random.nextInt(256), random.nextInt(256), random.nextInt(256)};
        }
        int i = 0;
        for (int y = 0; y < height; y++) {
            double fy = (double) y / height;
            for (int x = 0; x < width; x++) {
                double fx = (double) x / width;
                double light = 0.55 + 0.35 * coarse.at(x, y) + 0.1 * Math.sin(6 * fx + 3 * fy);
                double r = 90 + 120 * fx;
                double g = 80 + 100 * fy;
                double b = 140 - 60 * fx + 40 * fy;
                for (double[] blob : blobs) {
                    double dx = x - blob[0];
                    double dy = y - blob[1];
                    if (dx * dx + dy * dy < blob[2] * blob[2]) { // hard-edged discs: the edges a resizer must not alias
                        r = blob[3];
                        g = blob[4];
                        b = blob[5];
                    }
                }
                if (fy > 0.6 && fx < 0.45 && (x % 23 < 2 || y % 23 < 2)) { // tile grout
                    r = g = b = 60;
                } else if (fy < 0.3 && fx > 0.55) { // wood: stripes of a 7 px period
                    double stripe = Math.sin(2 * Math.PI * (x + 9 * Math.sin(y / 50.0)) / 7.0);
                    r = 150 + 40 * stripe;
                    g = 100 + 30 * stripe;
                    b = 60 + 20 * stripe;
                }
                double texture = 28 * (medium.at(x, y) - 0.5) + 14 * (fine.at(x, y) - 0.5);
                double grain = random.nextGaussian() * grainSigma;
                bgr[i++] = clamp(b * light + texture + grain);
                bgr[i++] = clamp(g * light + texture + grain);
                bgr[i++] = clamp(r * light + texture + grain);
            }
        }
        return image;
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }

    /** Smoothly interpolated random lattice values in [0, 1]. */
    private static final class ValueNoise {
        private static final int SIZE = 256;
        private final double[] lattice = new double[SIZE * SIZE];
        private final double cell;

        ValueNoise(Random random, double cell) {
            this.cell = cell;
            for (int i = 0; i < lattice.length; i++) {
                lattice[i] = random.nextDouble();
            }
        }

        double at(int x, int y) {
            double gx = x / cell;
            double gy = y / cell;
            int x0 = (int) gx;
            int y0 = (int) gy;
            double tx = smooth(gx - x0);
            double ty = smooth(gy - y0);
            double top = lerp(value(x0, y0), value(x0 + 1, y0), tx);
            double bottom = lerp(value(x0, y0 + 1), value(x0 + 1, y0 + 1), tx);
            return lerp(top, bottom, ty);
        }

        private double value(int x, int y) {
            return lattice[(y & (SIZE - 1)) * SIZE + (x & (SIZE - 1))];
        }

        private static double smooth(double t) {
            return t * t * (3 - 2 * t);
        }

        private static double lerp(double a, double b, double t) {
            return a + (b - a) * t;
        }
    }
}
