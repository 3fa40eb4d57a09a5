package com.renovation.media.standin;

import com.renovation.media.contracts.orders.ProcessingService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What the stand-in's "models" do, for real, so an output visibly differs from its input:
 * <ul>
 * <li>restoration: a 3×3 median filter per channel (removes speckle noise, keeps edges), then auto-levels: each
 * channel stretched so its 1st percentile becomes 0 and its 99th 255 (a faded photo regains its range).</li>
 * <li>render: a style transform: posterized to 5 levels per channel, graded warm (red up, blue down) and outlined
 * with dark lines where the luminance gradient (Sobel) is strong.</li>
 * </ul>
 * Pure functions on RGB pixels; alpha is dropped (the output is JPEG).
 */
public final class ImageTransforms {

    private static final int POSTER_LEVELS = 5;
    private static final int EDGE_THRESHOLD = 96;

    private ImageTransforms() {
    }

    public static BufferedImage apply(ProcessingService service, BufferedImage input) {
        return switch (service) {
            case RESTORATION -> restore(input);
            case RENDER -> render(input);
        };
    }

    public static BufferedImage restore(BufferedImage input) {
        int w = input.getWidth();
        int h = input.getHeight();
        return image(autoLevels(median3x3(rgb(input), w, h)), w, h);
    }

    public static BufferedImage render(BufferedImage input) {
        int[] source = rgb(input);
        int w = input.getWidth();
        int h = input.getHeight();
        int[] edges = sobelMagnitude(source, w, h);
        int[] out = new int[source.length];
        int step = 255 / (POSTER_LEVELS - 1);
        for (int i = 0; i < source.length; i++) {
            int r = posterize((source[i] >> 16) & 0xFF, step);
            int g = posterize((source[i] >> 8) & 0xFF, step);
            int b = posterize(source[i] & 0xFF, step);
            r = clamp(Math.round(r * 1.12f + 18));
            g = clamp(Math.round(g * 1.03f + 6));
            b = clamp(Math.round(b * 0.82f));
            if (edges[i] > EDGE_THRESHOLD) {
                r = r / 5;
                g = g / 5;
                b = b / 5;
            }
            out[i] = (r << 16) | (g << 8) | b;
        }
        return image(out, w, h);
    }

    /** Median of each channel over the 3×3 neighbourhood (edges clamped). */
    static int[] median3x3(int[] pixels, int w, int h) {
        int[] out = new int[pixels.length];
        int[] r = new int[9];
        int[] g = new int[9];
        int[] b = new int[9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = Math.clamp(y + dy, 0, h - 1);
                    for (int dx = -1; dx <= 1; dx++) {
                        int p = pixels[yy * w + Math.clamp(x + dx, 0, w - 1)];
                        r[n] = (p >> 16) & 0xFF;
                        g[n] = (p >> 8) & 0xFF;
                        b[n] = p & 0xFF;
                        n++;
                    }
                }
                out[y * w + x] = (median9(r) << 16) | (median9(g) << 8) | median9(b);
            }
        }
        return out;
    }

    /** Per channel: the 1st..99th percentile stretched to 0..255 (a channel of one value is left as it is). */
    static int[] autoLevels(int[] pixels) {
        int[][] histogram = new int[3][256];
        for (int p : pixels) {
            histogram[0][(p >> 16) & 0xFF]++;
            histogram[1][(p >> 8) & 0xFF]++;
            histogram[2][p & 0xFF]++;
        }
        int[][] lut = new int[3][256];
        for (int c = 0; c < 3; c++) {
            int low = percentile(histogram[c], pixels.length, 0.01);
            int high = percentile(histogram[c], pixels.length, 0.99);
            for (int v = 0; v < 256; v++) {
                lut[c][v] = high <= low ? v : clamp(Math.round((v - low) * 255f / (high - low)));
            }
        }
        int[] out = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            out[i] = (lut[0][(p >> 16) & 0xFF] << 16) | (lut[1][(p >> 8) & 0xFF] << 8) | lut[2][p & 0xFF];
        }
        return out;
    }

    private static int percentile(int[] histogram, int total, double share) {
        long target = Math.max(1, Math.round(total * share));
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen >= target) {
                return v;
            }
        }
        return 255;
    }

    private static int[] sobelMagnitude(int[] pixels, int w, int h) {
        int[] luma = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            luma[i] = (((p >> 16) & 0xFF) * 299 + ((p >> 8) & 0xFF) * 587 + (p & 0xFF) * 114) / 1000;
        }
        int[] out = new int[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int gx = -at(luma, w, h, x - 1, y - 1) - 2 * at(luma, w, h, x - 1, y) - at(luma, w, h, x - 1, y + 1)
                        + at(luma, w, h, x + 1, y - 1) + 2 * at(luma, w, h, x + 1, y) + at(luma, w, h, x + 1, y + 1);
                int gy = -at(luma, w, h, x - 1, y - 1) - 2 * at(luma, w, h, x, y - 1) - at(luma, w, h, x + 1, y - 1)
                        + at(luma, w, h, x - 1, y + 1) + 2 * at(luma, w, h, x, y + 1) + at(luma, w, h, x + 1, y + 1);
                out[y * w + x] = (int) Math.min(1020, Math.sqrt((double) gx * gx + (double) gy * gy));
            }
        }
        return out;
    }

    private static int at(int[] values, int w, int h, int x, int y) {
        return values[Math.clamp(y, 0, h - 1) * w + Math.clamp(x, 0, w - 1)];
    }

    private static int posterize(int v, int step) {
        return Math.round((float) v / step) * step;
    }

    private static int median9(int[] v) {
        int[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[4];
    }

    private static int clamp(int v) {
        return Math.clamp(v, 0, 255);
    }

    private static int[] rgb(BufferedImage input) {
        return input.getRGB(0, 0, input.getWidth(), input.getHeight(), null, 0, input.getWidth());
    }

    private static BufferedImage image(int[] pixels, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, pixels, 0, w);
        return out;
    }

    /** Baseline JPEG at quality 0.9. */
    public static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
